package com.videolinks.policy.vocabulary;

/** Why a staff member may not connect their own account. */
public enum RefusalReason { PLAN_NOT_PREMIUM, DEFAULT_ACCOUNT_NOT_CONNECTED, SELF_SERVICE_NOT_AVAILABLE }
