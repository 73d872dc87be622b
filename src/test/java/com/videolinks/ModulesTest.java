package com.videolinks;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Rooms with small doors: every top-level feature package is an application module; what another module may use is
 * its top-level package or a subpackage it names as an interface ({@code @NamedInterface} in that package-info).
 * Spring Modulith checks that, and no cycles, over and above ArchitectureTest's hand-kept lists.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(VideolinksApplication.class);

    @Test
    void featureModulesUseEachOtherOnlyThroughWhatEachExposes() {
        MODULES.verify();
    }
}
