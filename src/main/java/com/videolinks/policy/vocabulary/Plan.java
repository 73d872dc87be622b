package com.videolinks.policy.vocabulary;

/** The site's subscription plan. Which plans count as premium is decided in {@code rules/plan.drl} (S4). */
public enum Plan { FREE, BASIC, UNLIMITED, BUSINESS, ECOMMERCE }
