/**
 * The rule vocabulary: every fact the link policy reads and every conclusion it draws.
 * Operators see these names in {@code rules/*.drl}; {@code rules/README.md} documents them.
 */
package com.videolinks.policy.vocabulary;
