CREATE TABLE second_table (id bigint PRIMARY KEY);
