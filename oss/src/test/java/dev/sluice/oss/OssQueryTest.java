package dev.sluice.oss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class OssQueryTest {

    @Test
    void writesParametersInTheOrderAddedWithTheFlagAsABareName() {
        assertEquals("requesterQosInfo&resourcePool=pool-1&continuation-token=t1&max-keys=100",
                OssQuery.of("requesterQosInfo").with("resourcePool", "pool-1").withOptional("continuation-token", "t1")
                        .with("max-keys", "100").toString());
    }

    @Test
    void percentEncodesValuesAsUtf8IncludingSlashesPlusesAndEquals() {
        assertEquals("uploadId=a%2Fb%3D%2B%20%C3%BC~", OssQuery.none().with("uploadId", "a/b=+ ü~").toString());
    }

    @Test
    void leavesOutAnOptionalParameterWithoutValueAndKeepsAnEmptyRequiredOne() {
        OssQuery first = OssQuery.of("resourcePool").withOptional("continuation-token", null)
                .withOptional("continuation-token", "");
        assertEquals(OssQuery.of("resourcePool"), first);
        assertEquals("requesterQosInfo&qosRequester=", OssQuery.of("requesterQosInfo").with("qosRequester", "").toString());
    }

    @Test
    void noneIsEmptyAndEachWithReturnsANewQuery() {
        assertTrue(OssQuery.none().isEmpty());
        assertEquals("", OssQuery.none().toString());
        OssQuery flag = OssQuery.of("qosInfo");
        flag.with("max-keys", "1");
        assertEquals("qosInfo", flag.toString());
    }

    @Test
    void refusesARepeatedNameAsTheSignersDo() {
        assertEquals("query parameter \"max-keys\" appears more than once; OSS signers disagree on repeated names,"
                        + " so Sluice refuses to sign them",
                assertThrows(IllegalArgumentException.class,
                        () -> OssQuery.none().with("max-keys", "1").with("max-keys", "2")).getMessage());
    }

    @Test
    void refusesANullValueAndAnEmptyOrNullName() {
        assertEquals("query parameter \"resourcePool\" must have a value, was null (use withOptional to leave it out)",
                assertThrows(IllegalArgumentException.class, () -> OssQuery.none().with("resourcePool", null)).getMessage());
        assertEquals("query parameter name must not be empty, was \"\"",
                assertThrows(IllegalArgumentException.class, () -> OssQuery.of("")).getMessage());
        assertEquals("query parameter name must not be empty, was null",
                assertThrows(IllegalArgumentException.class, () -> OssQuery.none().with(null, "v")).getMessage());
    }
}
