-- #13: a rule release changes links too. One row per rule version that went live: a node running that version pages
-- through every booked session still to come, compares its link with the stored state and announces the effective
-- changes (LinkChangeNotices). The cursor commits with each page's notices, so a crash resumes where it stopped; the
-- claim (claimed_by, claimed_until) keeps two nodes from paging the same version at once and expires with its node.
create table rule_release_announcement (
    rule_version_id   bigint primary key references rule_version (id),
    found_at          timestamp with time zone not null,
    after_session_id  bigint  not null default 0,
    sessions_checked  integer not null default 0,
    emails_written    integer not null default 0,
    finished_at       timestamp with time zone,
    outcome           varchar(20),   -- ANNOUNCED; BASELINE (the first version this database ran: nothing to compare
                                     -- with); SUPERSEDED (a newer version went live first and compares everything)
    claimed_by        varchar(200),
    claimed_until     timestamp with time zone
);
