# syntax=docker/dockerfile:1
# Build stage: the jar of `mvn -B -DskipTests package`, with linux-x64 native libraries only.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependency layer: the poms alone, built once with empty sources so that every plugin and library
# the real build uses (including what version ranges pull in) is in the local repository; a code
# change then rebuilds from here offline (--network none works).
COPY pom.xml .
COPY bot/pom.xml bot/pom.xml
RUN mvn -B -ntp -q -pl bot -am dependency:go-offline \
 && mvn -B -ntp -q -Plinux-x64 -DskipTests -Dexec.skip=true package \
 && rm -rf bot/target
COPY bot bot
COPY knowledge knowledge
RUN mvn -B -ntp -q -o -Plinux-x64 -DskipTests package \
 && ! jar tf bot/target/kam-coach.jar | grep -E '(osx|win|aarch64).*\.(so|dylib|dll)$'

# Runtime: a JRE, the jar, and the data on a volume, as a user of its own.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 kam \
 && useradd --system --uid 10001 --gid kam --home-dir /data --no-create-home kam \
 && mkdir -p /data /app \
 && chown kam:kam /data
WORKDIR /app
COPY --from=build /src/bot/target/kam-coach.jar /app/kam-coach.jar
COPY --chmod=755 deploy/healthcheck.sh /app/healthcheck
ENV KAM_DATA_DIR=/data
# Memory flags where `java` reads them, so `-e JDK_JAVA_OPTIONS=...` replaces them (add -Xmx256m
# for a larger team); the same as bin/kam-coach gives outside the image.
ENV JDK_JAVA_OPTIONS="-Xmx128m -Xss512k -XX:+UseSerialGC -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=32m -XX:TieredStopAtLevel=1"
# fewer glibc malloc arenas: the inference runtime's threads would each reserve their own
ENV MALLOC_ARENA_MAX=2
USER kam
VOLUME /data
# Long polling needs no open port. Set KAM_HTTP_PORT (e.g. 8080) for /healthz, /readyz, /metrics
# and the webhook (KAM_WEBHOOK_URL). Without TELEGRAM_BOT_TOKEN the console chat starts (use -it).
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=10s --start-period=90s --retries=3 CMD ["/app/healthcheck"]
# java is PID 1: SIGTERM reaches the bot, which finishes the group in hand and queued sends (<= 10 s)
# temporary files under /data too (the JVM reads java.io.tmpdir once at start), so --read-only works
ENTRYPOINT ["java", "-Djava.io.tmpdir=/data/runtime/tmp", "-jar", "/app/kam-coach.jar"]
