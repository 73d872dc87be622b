package com.videolinks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** #12: the host may embed the pages once its dashboard is named; nothing else can be slipped into the CSP. */
class PagePropertiesTest {

    @Test
    void byDefaultNoFrameMayEmbedThePages() {
        PageProperties pages = new PageProperties(List.of("'none'"));
        assertThat(pages.contentSecurityPolicy()).contains("frame-ancestors 'none';").startsWith("default-src 'none';");
        assertThat(pages.embeddable()).isFalse();
    }

    @Test
    void theHostsDashboardCanBeAllowedToEmbedThem() {
        PageProperties pages = new PageProperties(List.of("https://dashboard.host.example", "'self'"));
        assertThat(pages.contentSecurityPolicy()).contains("frame-ancestors https://dashboard.host.example 'self';")
                .contains("default-src 'none'");
        assertThat(pages.embeddable()).isTrue();
    }

    @Test
    void aSettingThatWouldAddADirectiveIsRefusedAtStart() {
        assertThatThrownBy(() -> new PageProperties(List.of("https://a.example; script-src *")))
                .hasMessageContaining("videolinks.pages.frame-ancestors");
        assertThatThrownBy(() -> new PageProperties(List.of("'none'", "https://a.example")))
                .hasMessageContaining("'none' alone");
    }
}
