package io.hookline.helm;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The restricted Pod Security Standard (kubernetes.io/docs/concepts/security/pod-security-standards) on every pod. */
class PodSecurityTest {

    private static final int UID = 10001;

    static Stream<Arguments> workloads() {
        List<Arguments> all = new ArrayList<>();
        Workload.all(Chart.defaults()).forEach(workload -> all.add(Arguments.of("defaults", workload)));
        Workload.all(Chart.strimziExample()).forEach(workload -> all.add(Arguments.of("strimzi example", workload)));
        return all.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void podRunsAsTheImagesNonRootUserWithRuntimeDefaultSeccomp(String rendering, Workload workload) {
        PodSpec pod = workload.pod();
        PodSecurityContext context = pod.getSecurityContext();

        assertThat(context.getRunAsNonRoot()).isTrue();
        assertThat(context.getRunAsUser()).isEqualTo(UID);
        assertThat(context.getRunAsGroup()).isEqualTo(UID);
        assertThat(context.getFsGroup()).as("volumes writable by the service's group").isEqualTo(UID);
        assertThat(context.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostIPC()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getAutomountServiceAccountToken()).as("the services never call the Kubernetes API").isFalse();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void everyContainerDropsAllCapabilitiesAndCannotWriteItsRootFileSystem(String rendering, Workload workload) {
        List<Container> containers = new ArrayList<>(workload.pod().getContainers());
        containers.addAll(workload.pod().getInitContainers());

        assertThat(containers).isNotEmpty().allSatisfy(container -> {
            SecurityContext context = container.getSecurityContext();
            assertThat(context.getAllowPrivilegeEscalation()).isFalse();
            assertThat(context.getPrivileged()).isNotEqualTo(Boolean.TRUE);
            assertThat(context.getCapabilities().getDrop()).contains("ALL");
            assertThat(context.getCapabilities().getAdd()).isNullOrEmpty();
            assertThat(context.getReadOnlyRootFilesystem()).isTrue();
            assertThat(context.getRunAsNonRoot()).isTrue();
            assertThat(context.getRunAsUser()).isEqualTo(UID);
            assertThat(context.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(container.getPorts()).allSatisfy(port -> assertThat(port.getHostPort()).isNull());
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("workloads")
    void onlyVolumeTypesTheRestrictedProfileAllowsAndAWritableTmp(String rendering, Workload workload) {
        List<Volume> volumes = workload.pod().getVolumes();

        assertThat(volumes).allSatisfy(volume -> {
            assertThat(volume.getHostPath()).isNull();
            assertThat(volume.getEmptyDir() != null || volume.getSecret() != null || volume.getConfigMap() != null
                    || volume.getPersistentVolumeClaim() != null || volume.getProjected() != null
                    || volume.getDownwardAPI() != null || volume.getEphemeral() != null || volume.getCsi() != null)
                    .as("volume %s is of a type the restricted profile allows", volume.getName()).isTrue();
        });
        VolumeMount tmp = workload.container().getVolumeMounts().stream()
                .filter(mount -> mount.getMountPath().equals("/tmp")).findFirst()
                .orElseThrow(() -> new AssertionError(workload.name() + " has no writable /tmp"));
        assertThat(volumes).filteredOn(volume -> volume.getName().equals(tmp.getName()))
                .singleElement().satisfies(volume -> assertThat(volume.getEmptyDir()).isNotNull());
    }
}
