/** Finding public rooms by any part of their name, page by page. */
package dev.dingus.rooms.discovery;
