DROP TABLE third_table;
