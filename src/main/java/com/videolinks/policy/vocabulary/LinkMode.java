package com.videolinks.policy.vocabulary;

/** Whether a session's link is its own (a Zoom meeting) or shared by every session (S5). */
public enum LinkMode { PER_SESSION, SHARED }
