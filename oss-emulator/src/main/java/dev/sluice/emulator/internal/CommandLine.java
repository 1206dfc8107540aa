package dev.sluice.emulator.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The flags of {@code OssEmulator.main}. */
public final class CommandLine {

    private int port;
    private String accessKeyId;
    private String accessKeySecret;
    private String region = "cn-hangzhou";
    private Path storageDir;
    private final List<String> buckets = new ArrayList<>();

    private CommandLine() {
    }

    /**
     * Reads {@code --port}, {@code --access-key-id}, {@code --access-key-secret}, {@code --region},
     * {@code --storage-dir} and {@code --bucket} (repeatable).
     *
     * @throws IllegalArgumentException for an unknown flag, a missing value, or a missing key pair
     */
    public static CommandLine parse(String[] args) {
        CommandLine line = new CommandLine();
        for (int i = 0; i < args.length; i += 2) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("flag " + flag + " needs a value");
            }
            String value = args[i + 1];
            switch (flag) {
                case "--port":
                    line.port = port(value);
                    break;
                case "--access-key-id":
                    line.accessKeyId = value;
                    break;
                case "--access-key-secret":
                    line.accessKeySecret = value;
                    break;
                case "--region":
                    line.region = value;
                    break;
                case "--storage-dir":
                    line.storageDir = Path.of(value);
                    break;
                case "--bucket":
                    line.buckets.add(value);
                    break;
                default:
                    throw new IllegalArgumentException("unknown flag " + flag + "; known: --port, --access-key-id,"
                            + " --access-key-secret, --region, --storage-dir, --bucket");
            }
        }
        if (line.accessKeyId == null || line.accessKeySecret == null) {
            throw new IllegalArgumentException("--access-key-id and --access-key-secret are required: the emulator verifies every signature");
        }
        return line;
    }

    /** The port, 0 for an ephemeral one. */
    public int port() {
        return port;
    }

    /** The access key id. */
    public String accessKeyId() {
        return accessKeyId;
    }

    /** The secret. */
    public String accessKeySecret() {
        return accessKeySecret;
    }

    /** The region, {@code cn-hangzhou} by default. */
    public String region() {
        return region;
    }

    /** The storage folder's parent, absent for memory. */
    public Optional<Path> storageDir() {
        return Optional.ofNullable(storageDir);
    }

    /** The buckets to create. */
    public List<String> buckets() {
        return List.copyOf(buckets);
    }

    /** Never the secret. */
    @Override
    public String toString() {
        return "CommandLine[port=" + port + ", accessKeyId=" + accessKeyId + ", region=" + region + ", storageDir="
                + storageDir + ", buckets=" + buckets + "]";
    }

    private static int port(String value) {
        try {
            int port = Integer.parseInt(value);
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("--port must be within 0..65535, was " + value);
    }
}
