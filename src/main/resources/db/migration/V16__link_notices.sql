-- #13: link-changed notices for every effective change of a booked session's link.
-- What each booked session showed its customers when last checked, per customer channel: status, URL and a keyed
-- digest of password and description (never the secrets themselves). A change is announced when the state a check
-- computes differs from this one; version grows on every effective change and keys the notices.
create table session_link_state (
    session_id  bigint primary key references session (id),
    version     integer not null,
    state       varchar(8000) not null,
    changed_at  timestamp with time zone not null
);

-- the state the customer knew before the change a notice announces: at send time a notice whose session is back to
-- it says nothing (skipped)
alter table notification_outbox add column before_state varchar(8000);
