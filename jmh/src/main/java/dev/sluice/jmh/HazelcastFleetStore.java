package dev.sluice.jmh;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.BuildInfoProvider;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.grid.hazelcast.Bucket4jHazelcast;
import io.github.bucket4j.grid.hazelcast.HazelcastProxyManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The fleet budget in an embedded Hazelcast cluster of {@value #MEMBERS} members in this JVM, on
 * loopback only (bound to 127.0.0.1, no multicast, TCP-IP join on the members' own free ports, no
 * phone-home, a cluster name of its own). Client {@code i} talks to member {@code i % 2}, so the
 * clients do not all sit on the member that owns the bucket's partition. Hazelcast cannot say how many
 * of the entry-processor calls crossed the network, so no round trips are reported.
 */
final class HazelcastFleetStore implements FleetStore {

    static final int MEMBERS = 2;
    static final String MAP = "sluice-fleet-budgets";

    private final List<HazelcastInstance> members = new ArrayList<>();
    private final List<ProxyManager<String>> proxyManagers = new ArrayList<>();

    private HazelcastFleetStore() {
    }

    /** Starts the cluster and gives each of {@code clients} a proxy manager on one member. */
    static HazelcastFleetStore start(int clients) {
        HazelcastFleetStore store = new HazelcastFleetStore();
        try {
            String clusterName = "sluice-fleet-" + UUID.randomUUID();
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < MEMBERS; i++) {
                ports.add(freePort());
            }
            for (int port : ports) {
                store.members.add(Hazelcast.newHazelcastInstance(config(clusterName, port, ports)));
            }
            for (int i = 0; i < clients; i++) {
                HazelcastInstance member = store.members.get(i % MEMBERS);
                store.proxyManagers.add(Bucket4jHazelcast.entryProcessorBasedBuilder(member.<String, byte[]>getMap(MAP)).build());
            }
            return store;
        } catch (RuntimeException e) {
            store.close();
            throw e;
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
        // Bucket4j's entry processor and bucket state travel between members with Bucket4j's serializers
        HazelcastProxyManager.addCustomSerializers(config.getSerializationConfig(), 1000);
        return config;
    }

    @Override
    public ProxyManager<String> proxyManager(int client) {
        return proxyManagers.get(client);
    }

    @Override
    public OptionalLong bucketRoundTrips() {
        return OptionalLong.empty();
    }

    @Override
    public String description() {
        return "Hazelcast " + BuildInfoProvider.getBuildInfo().getVersion() + ", embedded cluster of "
                + members.get(0).getCluster().getMembers().size() + " members on 127.0.0.1, client i on member i mod "
                + MEMBERS + ", Bucket4j entry processor";
    }

    @Override
    public void close() {
        for (HazelcastInstance member : members) {
            member.getLifecycleService().terminate();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
