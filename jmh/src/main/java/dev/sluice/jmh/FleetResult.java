package dev.sluice.jmh;

import dev.sluice.api.DataRate;
import java.util.List;
import java.util.OptionalLong;

/**
 * The figures of one backend's fleet run: the aggregate as the shared receiver saw it (the same
 * {@link PathResult} formulas as the single-path check), each client's part, and what the batching cost
 * in remote commands (counted by the limiters) and, where the store can tell, network round trips
 * (counted by the store).
 *
 * @param backend the backend's name
 * @param store what was started, with its version
 * @param aggregate every client's writes together, against the fleet rate
 * @param clients each client's bytes and remote commands, in client order
 * @param roundTrips the store's round trips for bucket commands during the run, if it can tell
 */
record FleetResult(String backend, String store, PathResult aggregate, List<Client> clients, OptionalLong roundTrips) {

    static final double MIB = 1024.0 * 1024.0;

    /**
     * One client's part of the run.
     *
     * @param bytes the bytes it delivered to the receiver
     * @param remoteCommands the commands its limiter sent to the shared bucket
     */
    record Client(long bytes, long remoteCommands) {
    }

    FleetResult {
        clients = List.copyOf(clients);
    }

    /** The commands all clients sent to the shared bucket. */
    long remoteCommands() {
        return clients.stream().mapToLong(Client::remoteCommands).sum();
    }

    /** Remote commands per MiB delivered; NaN when nothing was delivered. */
    double remoteCommandsPerMib() {
        return perMib(remoteCommands(), aggregate.bytes());
    }

    /** Round trips per MiB delivered; NaN when the store cannot tell or nothing was delivered. */
    double roundTripsPerMib() {
        return roundTrips.isPresent() ? perMib(roundTrips.getAsLong(), aggregate.bytes()) : Double.NaN;
    }

    /** Client {@code client}'s bytes as a percentage of all delivered; NaN when nothing was delivered. */
    double sharePercent(int client) {
        long total = aggregate.bytes();
        return total == 0 ? Double.NaN : clients.get(client).bytes() * 100.0 / total;
    }

    /** The most bytes in any 1 s window, in multiples of what {@code target} allows in 1 s. */
    double maxOneSecondFactor(DataRate target) {
        return aggregate.maxBytesInOneSecond() / target.bytesPerSecond();
    }

    /** {@code count / (bytes / 1 MiB)}; NaN when {@code bytes} is 0. */
    static double perMib(long count, long bytes) {
        return bytes == 0 ? Double.NaN : count * MIB / bytes;
    }
}
