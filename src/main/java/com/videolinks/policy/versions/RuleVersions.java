package com.videolinks.policy.versions;

import java.util.List;
import java.util.Optional;

import org.springframework.modulith.NamedInterface;

import com.videolinks.policy.RuleBundle;

/** Every rule bundle ever attempted, with its files, and the one that is active. */
@NamedInterface("versions")
public interface RuleVersions {

    /** Stores the bundle's files with outcome CHECKING and returns the new version's id. */
    long begin(RuleBundle bundle, String triggeredBy);

    void finish(long id, RuleVersion.Outcome outcome, List<String> problems, long gateMillis, String coverage);

    Optional<RuleVersion> find(long id);

    List<RuleVersion> history(int limit);

    RuleBundle bundle(long id);

    Optional<ActiveVersion> active();

    void activate(long id, String changedBy);

    /** Whether a bundle with this hash was ever stored (attempted from any source). */
    boolean everAttempted(String hash);

    /** The rules folder content the service last saw; empty before the first start that recorded one. */
    Optional<FolderSeen> folderSeen();

    void recordFolderSeen(String hash, String seenBy);
}
