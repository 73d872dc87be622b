package com.videolinks.policy.vocabulary;

/** The three kinds of bookable service (S17, S18). */
public enum ServiceKind { ONE_ON_ONE, CLASS, COURSE }
