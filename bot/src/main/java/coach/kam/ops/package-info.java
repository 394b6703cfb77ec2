/**
 * What an operator sees: the HTTP endpoint on {@code KAM_HTTP_PORT} ({@code /healthz},
 * {@code /readyz}, {@code /metrics} in the Prometheus text format), the health checks behind it,
 * the heartbeat file for a container's health check when no port is open, and the timed loop that
 * runs scheduled work and reports its lag. An adapter: it imports the JDK's HTTP server and
 * Micrometer, and of the core only what the checks are handed as suppliers.
 */
package coach.kam.ops;
