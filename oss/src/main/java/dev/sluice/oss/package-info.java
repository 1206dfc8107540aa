/** The OSS dialect's API: signers, traffic limit, errors, CRC-64 and the object client. */
package dev.sluice.oss;
