# SafeReg service image. Build: docker build -t safereg .
# The rule set in rules/ and decision-tables/ is baked into the jar; mount a folder holding rules/ and
# decision-tables/ at /opt/safereg/policy and set SAFEREG_RULES_LOCATION=/opt/safereg/policy to run
# policy staff's own copy instead.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY service/pom.xml service/
# the reactor lists bench/ (benchmarks and load drivers, not in the image); its pom is all the build reads of it
COPY bench/pom.xml bench/
RUN mvn -B -q -pl service dependency:go-offline
COPY rules rules
COPY decision-tables decision-tables
COPY migrations migrations
COPY service/src service/src
RUN mvn -B -q -pl service package -DskipTests && cp service/target/safereg-service-*-exec.jar /src/safereg.jar

FROM eclipse-temurin:17-jre
RUN groupadd --system safereg && useradd --system --gid safereg --home-dir /opt/safereg safereg \
    && mkdir -p /opt/safereg/policy && chown -R safereg:safereg /opt/safereg
WORKDIR /opt/safereg
COPY --from=build --chown=safereg:safereg /src/safereg.jar safereg.jar
COPY --chown=safereg:safereg rules policy/rules
COPY --chown=safereg:safereg decision-tables policy/decision-tables
USER safereg
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/opt/safereg/safereg.jar"]
