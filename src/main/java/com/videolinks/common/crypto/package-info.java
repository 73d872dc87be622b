/** Secrets at rest: the box every feature seals stored passwords and tokens with. */
@org.springframework.modulith.NamedInterface("crypto")
package com.videolinks.common.crypto;
