/**
 * Situations (事態対応): the levels a situation may reach, from normal operations to a large-scale
 * cyber attack situation (大規模サイバー攻撃事態); recognition rules that weigh the reports reaching the
 * national hub and propose a level; and the duty officers' decisions on those proposals, with two
 * people needed where a level says so.
 */
@NullMarked
@ApplicationModule(
    displayName = "Situations",
    allowedDependencies = {"shared", "directory", "access", "sharing", "platform"})
package org.mamori.situation;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
