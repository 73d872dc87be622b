-- A Zoom meeting creation is not idempotent: a POST whose answer never came (timeout, 5xx, the node stopped) may
-- have created the meeting. Each creation is written here before the POST and removed once Zoom's answer is known;
-- a row still here when the session's meeting is asked for again means "look in Zoom before creating" (the meeting
-- carries the reference in its agenda), so a retry adopts the meeting instead of leaving an orphan in the host's Zoom.
create table zoom_creation_in_doubt (
    account_id bigint not null references conferencing_account (id) on delete cascade,
    reference  varchar(100) not null,
    since      timestamp with time zone not null,
    primary key (account_id, reference)
);
