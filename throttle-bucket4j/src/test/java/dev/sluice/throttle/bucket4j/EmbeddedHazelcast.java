package dev.sluice.throttle.bucket4j;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.sluice.api.Ticker;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import io.github.bucket4j.grid.hazelcast.HazelcastProxyManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A Hazelcast cluster of embedded members in the test JVM, on loopback only: bound to 127.0.0.1, no
 * multicast, TCP-IP join on the members' own free ports, no phone-home, a cluster name of its own.
 */
final class EmbeddedHazelcast implements AutoCloseable {

    static final String MAP = "sluice-budgets";

    private final List<HazelcastInstance> members = new ArrayList<>();

    EmbeddedHazelcast(int size) {
        String clusterName = "sluice-test-" + UUID.randomUUID();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            ports.add(freePort());
        }
        for (int port : ports) {
            members.add(Hazelcast.newHazelcastInstance(config(clusterName, port, ports)));
        }
    }

    private static Config config(String clusterName, int port, List<Integer> ports) {
        Config config = new Config();
        config.setClusterName(clusterName);
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "none");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.wait.seconds.before.join", "0");
        config.setProperty("hazelcast.max.wait.seconds.before.join", "0");
        config.getJetConfig().setEnabled(false);
        NetworkConfig network = config.getNetworkConfig();
        network.setPort(port).setPortAutoIncrement(false);
        network.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true);
        for (int member : ports) {
            join.getTcpIpConfig().addMember("127.0.0.1:" + member);
        }
        // Bucket4j's entry processor and its state travel with Bucket4j's own serializers
        HazelcastProxyManager.addCustomSerializers(config.getSerializationConfig(), 1000);
        return config;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    HazelcastInstance member(int index) {
        return members.get(index);
    }

    int clusterSize() {
        return members.get(0).getCluster().getMembers().size();
    }

    /** A proxy manager on {@code member}'s view of the budget map, refilling on {@code clock}. */
    ProxyManager<String> proxyManager(int member, Ticker clock) {
        IMap<String, byte[]> map = members.get(member).getMap(MAP);
        return Bucket4jHazelcast.entryProcessorBasedBuilder(map).clientClock(new VirtualFleetClock(clock)).build();
    }

    /** A proxy manager on {@code member}'s view of the budget map, on Bucket4j's default (wall) clock. */
    ProxyManager<String> proxyManagerOnWallClock(int member) {
        IMap<String, byte[]> map = members.get(member).getMap(MAP);
        return Bucket4jHazelcast.entryProcessorBasedBuilder(map).build();
    }

    /** Stops {@code member} abruptly, as a crash would (its partitions are served from backups). */
    void crash(int member) {
        members.get(member).getLifecycleService().terminate();
    }

    @Override
    public void close() {
        for (HazelcastInstance member : members) {
            member.getLifecycleService().terminate();
        }
    }
}
