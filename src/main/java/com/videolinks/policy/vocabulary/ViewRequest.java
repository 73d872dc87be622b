package com.videolinks.policy.vocabulary;

/** The question being asked: what does this session show on this channel? */
public record ViewRequest(Channel channel) {
}
