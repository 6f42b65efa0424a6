import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  type ValidationOptions,
} from 'class-validator';
import { CONSENT_METHODS, SUPPORTER_FIELDS, type ConsentMethod } from '@campaign-desk/contracts';
import { acceptReadFields } from '@campaign-desk/server-core';
import { isUkPhone } from './supporter-fields';

const GSS = /^[EWSN][0-9]{8}$/;

function IsUkPhone(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isUkPhone',
      validator: {
        validate: (value) => isUkPhone(value),
        defaultMessage: () => 'phone must be a UK phone number, like 020 7946 0000 or +44 7700 900123',
      },
    },
    options,
  );
}

export class ConsentsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'consents.contactByEmail must be true or false' })
  contactByEmail?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'consents.shareWithMp must be true or false' })
  shareWithMp?: boolean;
  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'consents.shareWithTrust must be true or false' })
  shareWithTrust?: boolean;
  @ApiPropertyOptional() @IsOptional() @IsBoolean({ message: 'consents.media must be true or false' }) media?: boolean;
}

/** Fields shared by create and update; every one optional here, create makes some required. */
class SupporterFieldsDto {
  @ApiPropertyOptional({ nullable: true, example: '020 7946 0000' })
  @IsOptional()
  @IsUkPhone()
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @IsString({ message: 'address must be text' })
  @MaxLength(1000, { message: 'address must be at most 1000 characters' })
  address?: string | null;

  @ApiPropertyOptional({ type: ConsentsDto })
  @IsOptional()
  @IsObject({ message: 'consents must be an object of true/false flags' })
  @ValidateNested()
  @Type(() => ConsentsDto)
  consents?: ConsentsDto;

  @ApiPropertyOptional({ enum: CONSENT_METHODS, description: 'How these consents were given (default staff_entry)' })
  @IsOptional()
  @IsIn(CONSENT_METHODS, { message: `consentMethod must be one of ${CONSENT_METHODS.join(', ')}` })
  consentMethod?: ConsentMethod;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'The version of the consent wording agreed to' })
  @IsOptional()
  @IsString({ message: 'consentWordingVersion must be text' })
  @MaxLength(100, { message: 'consentWordingVersion must be at most 100 characters' })
  consentWordingVersion?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    description: 'GSS code chosen by staff over the postcode lookup; null clears it',
  })
  @IsOptional()
  @Matches(GSS, { message: 'constituencyOverride must be a constituency GSS code like E14001290' })
  constituencyOverride?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'onHold must be true or false' })
  onHold?: boolean;

  @ApiPropertyOptional({ nullable: true, description: 'Required when onHold is true' })
  @IsOptional()
  @IsString({ message: 'onHoldReason must be text' })
  @MaxLength(500, { message: 'onHoldReason must be at most 500 characters' })
  onHoldReason?: string | null;
}

export class CreateSupporterDto extends SupporterFieldsDto {
  @ApiProperty()
  @IsString({ message: 'name is required' })
  @MinLength(1, { message: 'name is required' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name: string;

  @ApiProperty()
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320, { message: 'email must be at most 320 characters' })
  email: string;

  @ApiProperty({ example: 'WC1E 6BT' })
  @IsString({ message: 'postcode is required' })
  @MaxLength(64, { message: 'postcode is not a valid UK postcode format' })
  postcode: string;

  @ApiPropertyOptional({ description: 'Create even when a likely duplicate exists' })
  @IsOptional()
  @IsBoolean({ message: 'createAnyway must be true or false' })
  createAnyway?: boolean;
}

/** react-admin sends the whole record back on save: the read-only fields are accepted and ignored. */
export class UpdateSupporterDto extends SupporterFieldsDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name is required' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: UpdateSupporterDto) => o.email !== undefined)
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(320, { message: 'email must be at most 320 characters' })
  email?: string;

  @ApiPropertyOptional()
  @ValidateIf((o: UpdateSupporterDto) => o.postcode !== undefined)
  @IsString({ message: 'postcode is required' })
  @MaxLength(64, { message: 'postcode is not a valid UK postcode format' })
  postcode?: string;
}

acceptReadFields(UpdateSupporterDto, SUPPORTER_FIELDS);
