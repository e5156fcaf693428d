/** Shared kernel: notification kinds and views, settings, paging, error codes. Depends on no feature. */
package dev.dingus.notifications.core;
