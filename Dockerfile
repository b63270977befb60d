# Build the jar first: ./mvnw -B package -DskipTests
FROM eclipse-temurin:17.0.15_6-jre
WORKDIR /app
COPY target/orgledger.jar /app/orgledger.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/orgledger.jar"]
