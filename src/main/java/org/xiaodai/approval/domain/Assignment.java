package org.xiaodai.approval.domain;

/** How a new task of a level finds its reviewer (configured per level in the authority matrix). */
public enum Assignment {
    /** Nobody is assigned: the task waits in the pool until a reviewer claims it. */
    CLAIM,
    /** The next reviewer of the pool after the one who got the level's previous automatic assignment. */
    ROUND_ROBIN,
    /** The reviewer of the pool with the fewest open tasks assigned (ties: the round-robin order). */
    BY_LOAD
}
