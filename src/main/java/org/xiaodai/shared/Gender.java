package org.xiaodai.shared;

/**
 * Gender (性别) as recorded in a resident ID number: an odd sequence number means male, an even
 * one female (GB 11643-1999).
 */
public enum Gender {
    MALE,
    FEMALE
}
