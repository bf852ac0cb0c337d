/**
 * What every citybrain module shares: hashing, canonical JSON, atomic file writes, input problems,
 * exit codes and the algorithm-provider contract. Depends on no other citybrain module.
 */
package io.citybrain.commons;
