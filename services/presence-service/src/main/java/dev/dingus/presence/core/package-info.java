/** The shared kernel of presence: Redis key names, the status rules, settings. Depends on no feature. */
package dev.dingus.presence.core;
