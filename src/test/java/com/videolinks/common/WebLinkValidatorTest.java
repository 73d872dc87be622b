package com.videolinks.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebLinkValidatorTest {

    @Test
    void acceptsAbsoluteHttpAndHttpsLinksWithPathsAndQueries() {
        assertThat(WebLinkValidator.problem("https://zoom.us/j/123?pwd=abc")).isNull();
        assertThat(WebLinkValidator.problem("http://meet.example.com/room-1#x")).isNull();
        assertThat(WebLinkValidator.problem("HTTPS://Meet.Example.com/room")).isNull();
    }

    @Test
    void refusesSchemesThatRunCodeOrAreNotWebLinks() {
        assertThat(WebLinkValidator.problem("javascript:alert(1)")).contains("http");
        assertThat(WebLinkValidator.problem("data:text/html,hi")).contains("http");
        assertThat(WebLinkValidator.problem("file:///etc/passwd")).contains("http");
        assertThat(WebLinkValidator.problem("//meet.example.com/x")).contains("http");
    }

    @Test
    void refusesControlCharactersEmbeddedCredentialsAndOverLongLinks() {
        assertThat(WebLinkValidator.problem("https://meet.example.com/\u0000x")).contains("control");
        assertThat(WebLinkValidator.problem("https://meet.example.com/a\nb")).contains("control");
        assertThat(WebLinkValidator.problem("https://admin@meet.example.com/")).contains("user name");
        assertThat(WebLinkValidator.problem("https://meet.example.com/" + "x".repeat(2048))).contains("2048");
    }
}
