package io.hookline.log.cluster;

import org.apache.kafka.streams.state.HostInfo;

/** Where the stores of one partition are active: on this instance or on another one. */
public record Location(HostInfo host, int partition, boolean local) {
}
