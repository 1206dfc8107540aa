/** Jackson XML mappings of OSS request and response bodies; opened to Jackson only. */
package dev.sluice.oss.internal.xml;
