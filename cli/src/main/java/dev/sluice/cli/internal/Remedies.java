package dev.sluice.cli.internal;

import dev.sluice.oss.OssServiceException;
import java.util.Optional;

/** What to do about the OSS errors a user can fix from the command line, for the one-line failure message. */
final class Remedies {

    private Remedies() {
    }

    /** The advice for {@code failure}, if there is one. */
    static Optional<String> of(Throwable failure) {
        if (!(failure instanceof OssServiceException)) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (((OssServiceException) failure).code()) {
            case "NoSuchBucket" -> "check the bucket's name and that --region/--endpoint are where it lives";
            case "NoSuchResourcePool" -> "'sluice qos pool list' lists the resource pools of the region";
            case "NoSuchQosRequester" -> "'sluice qos pool-requester list POOL' or 'sluice qos bucket-requester list"
                    + " BUCKET' lists the requesters that have a QoS";
            case "InvalidAccessKeyId", "SignatureDoesNotMatch" -> "check OSS_ACCESS_KEY_ID and OSS_ACCESS_KEY_SECRET";
            case "AccessDenied" -> "the key pair in OSS_ACCESS_KEY_ID lacks the permission; check its RAM policy";
            default -> null;
        });
    }
}
