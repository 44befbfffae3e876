package org.safereg.rulesets;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

@Mapper
interface RuleSetMapper {

    boolean exists(@Param("version") String version);

    void insertVersion(
            @Param("version") String version,
            @Param("parentVersion") String parentVersion,
            @Param("author") String author,
            @Param("comment") String comment,
            @Param("createdAt") Instant createdAt);

    void insertRules(@Param("version") String version, @Param("rules") List<RuleRow> rules);

    List<RuleRow> rulesOf(@Param("version") String version);

    void insertFile(
            @Param("version") String version,
            @Param("path") String path,
            @Param("sha256") String sha256,
            @Param("rules") int rules,
            @Param("content") byte[] content);
}
