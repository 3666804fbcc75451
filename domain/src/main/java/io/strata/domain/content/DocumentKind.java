package io.strata.domain.content;

/** What a document is edited as (seed 004: Word, Excel and PowerPoint documents). Fixed at creation. */
public enum DocumentKind {
    TEXT,
    SPREADSHEET,
    PRESENTATION
}
