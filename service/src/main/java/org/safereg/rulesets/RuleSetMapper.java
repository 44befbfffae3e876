package org.safereg.rulesets;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.safereg.engine.RuleRow;

@Mapper
interface RuleSetMapper {

    boolean exists(@Param("version") String version);

    void insertVersion(
            @Param("version") String version,
            @Param("parentVersion") String parentVersion,
            @Param("author") String author,
            @Param("comment") String comment,
            @Param("createdAt") Instant createdAt,
            @Param("state") String state,
            @Param("findings") String findings);

    void insertRules(@Param("version") String version, @Param("rules") List<RuleRow> rules);

    List<RuleRow> rulesOf(@Param("version") String version);

    void insertFile(
            @Param("version") String version,
            @Param("path") String path,
            @Param("sha256") String sha256,
            @Param("rules") int rules,
            @Param("content") byte[] content);

    VersionRow version(@Param("version") String version);

    /** Newest first. */
    List<VersionRow> versions(@Param("limit") int limit);

    /** Path, hash, rule count and size of each file, without the content. */
    List<FileRow> files(@Param("version") String version);

    /** Every file of a version with its content, in path order. */
    List<FileRow> filesWithContent(@Param("version") String version);

    FileRow file(@Param("version") String version, @Param("path") String path);

    int updateState(@Param("version") String version, @Param("state") String state);

    int approve(@Param("version") String version, @Param("by") String by, @Param("at") Instant at);

    void insertActivation(
            @Param("version") String version,
            @Param("by") String by,
            @Param("at") Instant at,
            @Param("reason") String reason);

    /** The version activated last, or null before the first activation. */
    String activeVersion();

    /** Whether this version has ever been in force. */
    boolean wasActive(@Param("version") String version);

    void insertAudit(
            @Param("at") Instant at,
            @Param("actor") String actor,
            @Param("action") String action,
            @Param("version") String version,
            @Param("reason") String reason);

    /** Newest first. */
    List<AuditEntry> audit(@Param("version") String version, @Param("limit") int limit);
}
