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
VOLUME /data
# Long polling needs no open port. Without TELEGRAM_BOT_TOKEN the console chat starts (use -it).
ENTRYPOINT ["java", "-jar", "/app/kam-coach.jar"]
