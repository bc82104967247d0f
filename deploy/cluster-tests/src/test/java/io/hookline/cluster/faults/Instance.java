package io.hookline.cluster.faults;

import io.hookline.local.Service;

/** One of the instances of a service: {@code index} 0 or 1. */
record Instance(Service service, int index) {

    String name() {
        return service.module() + "-" + index;
    }
}
