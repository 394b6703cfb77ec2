# Build stage: the same jar as `mvn -B -DskipTests package`.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
COPY bot/pom.xml bot/pom.xml
RUN mvn -B -ntp -q -pl bot -am dependency:go-offline
COPY bot bot
COPY knowledge knowledge
RUN mvn -B -ntp -q -DskipTests package

# Runtime: a JRE, the jar, and the data on a volume.
FROM eclipse-temurin:17-jre
WORKDIR /app
COPY --from=build /src/bot/target/kam-coach.jar /app/kam-coach.jar
ENV KAM_DATA_DIR=/data
# fewer glibc malloc arenas: the inference runtime's threads would each reserve their own
ENV MALLOC_ARENA_MAX=2
VOLUME /data
# Long polling needs no open port. Without TELEGRAM_BOT_TOKEN the console chat starts (use -it).
# The heap is sized here (the same flags the jar gives itself when started without -Xmx; see
# coach.kam.cli.SizedJvm), so the container runs one JVM.
ENTRYPOINT ["java", "-Xmx128m", "-Xss512k", "-XX:+UseSerialGC", "-XX:MaxMetaspaceSize=96m", \
            "-XX:ReservedCodeCacheSize=48m", "-XX:MaxDirectMemorySize=32m", "-XX:TieredStopAtLevel=1", \
            "-jar", "/app/kam-coach.jar"]
