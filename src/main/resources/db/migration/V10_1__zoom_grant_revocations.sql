-- Host events (issue #10): when the plugin is removed from a site, its Zoom grants are revoked with Zoom and the
-- tokens deleted. Zoom may be unreachable at that moment: each revocation waits here, retried with backoff, until
-- Zoom confirms (or says the grant is already gone). The account is disconnected meanwhile, so its tokens are unused.
create table zoom_grant_revocation (
    account_id       bigint        primary key references conferencing_account (id),
    requested_at     timestamp with time zone not null,
    attempts         integer       not null,
    next_attempt_at  timestamp with time zone not null,
    last_error       varchar(1000)
);
