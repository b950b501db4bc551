package org.mamori.directory;

import org.mamori.shared.OrganisationId;

/**
 * One organisation on the way a report or advisory travels.
 *
 * @param step 1 for those who hear first from the sender, 2 for those they pass it to, …
 * @param order the edge's order among the hops of one sender (1 comes first)
 * @param from who passes it on
 * @param to who receives it
 * @param forwardAtOnce the hop is made without waiting for a person to forward it
 * @param emergency the hop is the direct emergency channel, used only when the sender marks it so
 */
public record RouteHop(
    int step,
    int order,
    OrganisationId from,
    OrganisationId to,
    Channel channel,
    boolean forwardAtOnce,
    boolean emergency) {}
