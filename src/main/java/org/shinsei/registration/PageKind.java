package org.shinsei.registration;

/** What a page of an envelope is. */
public enum PageKind {
    /** a 交付申請書 whose fiducials were found */
    FORM,
    /** no ink beyond scanner noise (e.g. the back of a duplex scan) */
    BLANK,
    /** anything else with ink on it: a letter, the 通知カード, a hand-written 手書用 form */
    OTHER
}
