/** User data in a DynamoDB table keyed by the Alexa user id (partition key "id"), on AWS SDK v3. */
import { DynamoDBClient, type DynamoDBClientConfig } from "@aws-sdk/client-dynamodb";
import { DeleteCommand, DynamoDBDocumentClient, GetCommand, PutCommand } from "@aws-sdk/lib-dynamodb";
import type { PersistenceAdapter } from "ask-sdk-core";
import type { RequestEnvelope } from "ask-sdk-model";
import { alexaUserId } from "./user-key.js";

export class DynamoDbPersistenceAdapter implements PersistenceAdapter {
  private readonly client: DynamoDBDocumentClient;

  constructor(
    readonly table: string,
    config: DynamoDBClientConfig = {},
  ) {
    this.client = DynamoDBDocumentClient.from(new DynamoDBClient(config), { marshallOptions: { removeUndefinedValues: true } });
  }

  async getAttributes(envelope: RequestEnvelope): Promise<Record<string, unknown>> {
    const out = await this.client.send(new GetCommand({ TableName: this.table, Key: { id: alexaUserId(envelope) }, ConsistentRead: true }));
    const attributes = out.Item?.attributes;
    return attributes && typeof attributes === "object" && !Array.isArray(attributes) ? attributes : {};
  }

  async saveAttributes(envelope: RequestEnvelope, attributes: Record<string, unknown>): Promise<void> {
    await this.client.send(
      new PutCommand({ TableName: this.table, Item: { id: alexaUserId(envelope), attributes, updatedAt: new Date().toISOString() } }),
    );
  }

  async deleteAttributes(envelope: RequestEnvelope): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.table, Key: { id: alexaUserId(envelope) } }));
  }

  destroy(): void {
    this.client.destroy();
  }
}
