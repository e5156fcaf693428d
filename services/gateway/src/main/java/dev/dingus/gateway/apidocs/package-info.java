/** The one Swagger UI: each service's OpenAPI document served through the gateway, pointed at the gateway. */
package dev.dingus.gateway.apidocs;
