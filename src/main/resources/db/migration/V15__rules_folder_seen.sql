-- The content of the rules folder the service last saw (offered to the gate, or found equal to the active version),
-- by hash. A start offers its folder to the gate only when the folder differs from this, so a version published
-- over HTTP is never replaced by a folder nobody changed (docs/adr-007-rules-source-of-truth.md, #14).
-- Exactly one row, like rule_active: the nodes of a cluster deploy the same folder.
create table rule_folder_seen (
    id        int          primary key,
    hash      varchar(64)  not null,
    seen_at   timestamp with time zone not null,
    seen_by   varchar(200) not null   -- e.g. "start-up of host-1: rules folder /srv/videolinks/rules"
);
