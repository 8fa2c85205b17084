# syntax=docker/dockerfile:1

# ---- Build stage: Maven + JDK 25 (the code targets Java 17; a newer JDK compiles it with --release 17) ----
FROM maven:3.9.11-eclipse-temurin-25 AS build
WORKDIR /build

# Dependencies first, in their own layer: it is rebuilt only when pom.xml changes.
COPY pom.xml ./
RUN mvn -B -ntp dependency:go-offline

COPY src ./src
# Tests, formatting (spotless) and coverage (jacoco) run in CI, not in the image build.
RUN mvn -B -ntp -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true package

# ---- Runtime stage: JRE only, non-root ----
FROM eclipse-temurin:25.0.1_8-jre-noble

RUN groupadd --gid 10001 app \
    && useradd --uid 10001 --gid app --no-create-home --home-dir /app --shell /usr/sbin/nologin app

WORKDIR /app
COPY --from=build --chown=app:app /build/target/customer-identity-0.1.0-SNAPSHOT.jar /app/app.jar

USER 10001:10001
EXPOSE 8080

ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/app.jar"]
