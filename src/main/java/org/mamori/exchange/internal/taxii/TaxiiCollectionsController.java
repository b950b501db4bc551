package org.mamori.exchange.internal.taxii;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mamori.exchange.internal.store.ObjectFilter;
import org.mamori.exchange.internal.store.ObjectFilter.VersionSelection;
import org.mamori.exchange.internal.store.Page;
import org.mamori.exchange.internal.store.StixObjects;
import org.mamori.exchange.internal.store.StoredVersion;
import org.mamori.exchange.internal.taxii.CollectionAccess.Rights;
import org.mamori.exchange.internal.taxii.TaxiiQuery.Endpoint;
import org.mamori.shared.Actor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * TAXII 2.1's collections (TAXII 5): the collections a client may use, their objects, manifests and
 * versions, adding objects and deleting them. Every object served passes the same TLP decision as
 * the rest of Mamori; a collection the client may neither read nor write is not found.
 */
@RestController
@RequestMapping(TaxiiServerController.API_ROOT + "collections/")
class TaxiiCollectionsController {

  /** Numbers exactly as posted: a float is not rounded through a double on its way in. */
  private final StoredCollections collections;

  private final CollectionAccess access;
  private final StixObjects objects;
  private final Ingestion ingestion;
  private final ObjectRemoval removal;
  private final Statuses statuses;
  private final TaxiiSettings settings;

  TaxiiCollectionsController(
      StoredCollections collections,
      CollectionAccess access,
      StixObjects objects,
      Ingestion ingestion,
      ObjectRemoval removal,
      Statuses statuses,
      TaxiiSettings settings) {
    this.collections = collections;
    this.access = access;
    this.objects = objects;
    this.ingestion = ingestion;
    this.removal = removal;
    this.statuses = statuses;
    this.settings = settings;
  }

  /** TAXII's collection resource, with what the caller may do. */
  record CollectionResource(
      String id,
      String title,
      @Nullable String description,
      @Nullable String alias,
      boolean canRead,
      boolean canWrite,
      List<String> mediaTypes) {

    static CollectionResource of(TaxiiCollection collection, Rights rights) {
      return new CollectionResource(
          collection.id().toString(),
          collection.title(),
          collection.description().isBlank() ? null : collection.description(),
          collection.alias(),
          rights.canRead(),
          rights.canWrite(),
          List.of(TaxiiMedia.STIX_VALUE));
    }
  }

  /** TAXII's collections resource. */
  record CollectionsResource(@Nullable List<CollectionResource> collections) {}

  @GetMapping
  ResponseEntity<byte[]> collections(Actor actor) {
    List<CollectionResource> shown = new ArrayList<>();
    for (TaxiiCollection collection : collections.all()) {
      Rights rights = access.of(actor, collection);
      if (!rights.none()) {
        shown.add(CollectionResource.of(collection, rights));
      }
    }
    return TaxiiJson.ok(new CollectionsResource(TaxiiJson.orNone(shown)));
  }

  @GetMapping("{collection}/")
  ResponseEntity<byte[]> collection(@PathVariable String collection, Actor actor) {
    Found found = find(collection, actor);
    return TaxiiJson.ok(CollectionResource.of(found.collection(), found.rights()));
  }

  @GetMapping("{collection}/objects/")
  ResponseEntity<TaxiiJson.Envelope> objects(
      @PathVariable String collection, Actor actor, HttpServletRequest request) {
    Found found = readable(collection, actor);
    return TaxiiJson.envelope(page(found, query(request, Endpoint.OBJECTS, null), actor, true));
  }

  @GetMapping("{collection}/manifest/")
  ResponseEntity<byte[]> manifest(
      @PathVariable String collection, Actor actor, HttpServletRequest request) {
    Found found = readable(collection, actor);
    Page page = page(found, query(request, Endpoint.MANIFEST, null), actor, false);
    return TaxiiJson.respond(
        HttpStatus.OK,
        TaxiiJson.dateAdded(page.versions()),
        TaxiiJson.bytes(
            new TaxiiJson.Manifest(
                page.more(),
                page.next() == null ? null : page.next().token(),
                TaxiiJson.orNone(
                    page.versions().stream().map(TaxiiJson.ManifestRecord::of).toList()))));
  }

  @GetMapping("{collection}/objects/{objectId}/")
  ResponseEntity<TaxiiJson.Envelope> object(
      @PathVariable String collection,
      @PathVariable String objectId,
      Actor actor,
      HttpServletRequest request) {
    Found found = readable(collection, actor);
    Page page = page(found, query(request, Endpoint.OBJECT, objectId), actor, true);
    requireSomeVersion(found, objectId, page, actor);
    return TaxiiJson.envelope(page);
  }

  @GetMapping("{collection}/objects/{objectId}/versions/")
  ResponseEntity<byte[]> versions(
      @PathVariable String collection,
      @PathVariable String objectId,
      Actor actor,
      HttpServletRequest request) {
    Found found = readable(collection, actor);
    Page page = page(found, query(request, Endpoint.VERSIONS, objectId), actor, false);
    requireSomeVersion(found, objectId, page, actor);
    return TaxiiJson.respond(
        HttpStatus.OK,
        TaxiiJson.dateAdded(page.versions()),
        TaxiiJson.bytes(
            new TaxiiJson.Versions(
                page.more(),
                page.next() == null ? null : page.next().token(),
                TaxiiJson.orNone(page.versions().stream().map(StoredVersion::version).toList()))));
  }

  @PostMapping("{collection}/objects/")
  ResponseEntity<byte[]> add(
      @PathVariable String collection, Actor actor, HttpServletRequest request) throws IOException {
    Found found = find(collection, actor);
    if (!found.rights().canWrite()) {
      throw TaxiiException.forbidden("taxii.error.cannotWrite");
    }
    List<PostedObject> posted = EnvelopeReader.objects(body(request));
    var status = ingestion.add(actor, found.collection(), posted);
    return TaxiiJson.respond(
        HttpStatus.ACCEPTED,
        new HttpHeaders(),
        TaxiiJson.bytes(
            Statuses.Resource.of(
                statuses
                    .of(status, actor)
                    .orElseThrow(() -> new IllegalStateException("status " + status + " lost")))));
  }

  @DeleteMapping("{collection}/objects/{objectId}/")
  ResponseEntity<byte[]> delete(
      @PathVariable String collection,
      @PathVariable String objectId,
      Actor actor,
      HttpServletRequest request) {
    Found found = find(collection, actor);
    // TAXII 5.7: only a client that may both read and write the collection may delete.
    if (!found.rights().canRead() || !found.rights().canWrite()) {
      throw TaxiiException.forbidden("taxii.error.cannotDelete");
    }
    TaxiiQuery query = query(request, Endpoint.DELETE, objectId);
    removal.remove(found.collection(), objectId, query.filter(), found.rights());
    return TaxiiJson.respond(HttpStatus.OK, new HttpHeaders(), new byte[0]);
  }

  /** A collection and what the caller may do with it. */
  record Found(TaxiiCollection collection, Rights rights) {}

  /** The collection by id or alias; not found when the caller may neither read nor write it. */
  private Found find(String idOrAlias, Actor actor) {
    TaxiiCollection collection =
        TaxiiServerController.parseUuid(idOrAlias)
            .flatMap(collections::byId)
            .or(() -> collections.byAlias(idOrAlias))
            .orElseThrow(() -> TaxiiException.notFound("taxii.error.collection"));
    Rights rights = access.of(actor, collection);
    if (rights.none()) {
      throw TaxiiException.notFound("taxii.error.collection");
    }
    return new Found(collection, rights);
  }

  private Found readable(String idOrAlias, Actor actor) {
    Found found = find(idOrAlias, actor);
    if (!found.rights().canRead()) {
      throw TaxiiException.forbidden("taxii.error.cannotRead");
    }
    return found;
  }

  private TaxiiQuery query(HttpServletRequest request, Endpoint endpoint, @Nullable String object) {
    return TaxiiQuery.of(request.getParameterMap(), endpoint, object, settings.maxPageSize());
  }

  private Page page(Found found, TaxiiQuery query, Actor actor, boolean withJson) {
    return objects.page(
        found.collection().id(),
        query.filter(),
        query.after(),
        query.limit(),
        actor,
        withJson,
        access.readable(found.rights()));
  }

  /** An object the reader may see no version of is not found; filters may still leave none. */
  private void requireSomeVersion(Found found, String objectId, Page page, Actor actor) {
    if (!page.versions().isEmpty()) {
      return;
    }
    ObjectFilter any = new ObjectFilter(null, List.of(objectId), null, null, VersionSelection.ALL);
    if (objects
        .all(found.collection().id(), any, actor, access.readable(found.rights()))
        .isEmpty()) {
      throw TaxiiException.notFound("taxii.error.object", objectId);
    }
  }

  /** The request body, refused (413) beyond the API root's max_content_length. */
  private byte[] body(HttpServletRequest request) throws IOException {
    long max = settings.maxContentLength().toBytes();
    if (request.getContentLengthLong() > max) {
      throw tooLarge(max);
    }
    try (InputStream in = request.getInputStream()) {
      long declared = request.getContentLengthLong();
      if (declared >= 0) {
        // One array of the declared size: a large envelope is not gathered in pieces and copied.
        byte[] body = new byte[(int) declared];
        int read = in.readNBytes(body, 0, body.length);
        return read == body.length ? body : Arrays.copyOf(body, read);
      }
      byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
      if (body.length > max) {
        throw tooLarge(max);
      }
      return body;
    }
  }

  private static TaxiiException tooLarge(long max) {
    return new TaxiiException(HttpStatus.CONTENT_TOO_LARGE, "taxii.error.tooLarge", max);
  }
}
