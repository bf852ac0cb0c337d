/**
 * Live operations as plain Java classes with explicit state: message contracts, ingestion,
 * aggregation, detector health, anomaly and incident detection, alarms, the live control loop.
 * Engines call these operators through thin adapters.
 */
package io.citybrain.live;
