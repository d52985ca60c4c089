pub use root::*;

const _: () = ::planus::check_version_compatibility("planus-1.3.0");


/// The root namespace
/// 
/// Generated from these locations:
/// * File `schemas/cache.fbs`
#[no_implicit_prelude]
#[allow(clippy::needless_lifetimes)]
mod root {
/// The namespace `nipworker`
/// 
/// Generated from these locations:
/// * File `schemas/cache.fbs`
/// * File `schemas/common.fbs`
/// * File `schemas/connections.fbs`
/// * File `schemas/crypto.fbs`
/// * File `schemas/nip46.fbs`
/// * File `schemas/status.fbs`
pub mod nipworker {
///  Store a batch of verified events (one transaction per batch).
/// 
/// Generated from these locations:
/// * Table `SaveEvents` in the file `schemas/cache.fbs:11`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct SaveEvents{
    
        /// The field `events` in the table `SaveEvents`
        pub events: ::core::option::Option<::planus::alloc::vec::Vec<self::Event>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for SaveEvents {
    fn default() -> Self {
        Self {
        events: ::core::default::Default::default(),
        
        }
    }
}


impl SaveEvents {
    /// Creates a [SaveEventsBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> SaveEventsBuilder<()> {
        SaveEventsBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_events: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Event>]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_events = field_events.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_events.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::Event>]>>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_events) = prepared_events {object_writer.write::<_, _, 4>(&prepared_events);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<SaveEvents>> for SaveEvents {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SaveEvents> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<SaveEvents>> for SaveEvents {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SaveEvents>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<SaveEvents> for SaveEvents {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SaveEvents> {
        SaveEvents::create(
            builder,
        
            
            &self.events,
            
        
        )
    }
}

/// Builder for serializing an instance of the [SaveEvents] type.
///
/// Can be created using the [SaveEvents::builder] method.
#[derive(Debug)]
#[must_use]
pub struct SaveEventsBuilder<State>(State);

impl<
    
> SaveEventsBuilder
<
    (
    
    )
>
{
    /// Setter for the [`events` field](SaveEvents#structfield.events).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn events<T0>(self, value: T0) -> SaveEventsBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Event>]>>
    {
        SaveEventsBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`events` field](SaveEvents#structfield.events) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn events_as_null(self) -> SaveEventsBuilder<(
        
        (),
    )>
    {
        self.events(())
    }
    
}



impl<
    
        T0,
    
> SaveEventsBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [SaveEvents].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<SaveEvents>
        where Self: ::planus::WriteAsOffset<SaveEvents>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Event>]>>,
    
> ::planus::WriteAs<::planus::Offset<SaveEvents>> for SaveEventsBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<SaveEvents>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SaveEvents> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Event>]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<SaveEvents>> for SaveEventsBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<SaveEvents>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SaveEvents>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Event>]>>,
    
> ::planus::WriteAsOffset<SaveEvents> for SaveEventsBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SaveEvents> {
        
        let (
            
                v0,
            
        ) = &self.0;SaveEvents::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [SaveEvents].
#[derive(Copy, Clone)]
pub struct SaveEventsRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> SaveEventsRef<'a> {
    
        /// Getter for the [`events` field](SaveEvents#structfield.events).
        #[inline]
        pub fn events(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<self::EventRef<'a>>>>> {
            
            
              
              self.0.access(0, "SaveEvents", "events")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for SaveEventsRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("SaveEventsRef");
        if let ::core::option::Option::Some(field_events) = self.events().transpose() {
                f.field("events", &field_events);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<SaveEventsRef<'a>> for SaveEvents {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: SaveEventsRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            events: 
                            if let ::core::option::Option::Some(events) = value.events()? {
                                ::core::option::Option::Some(events.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for SaveEventsRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for SaveEventsRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[SaveEventsRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<SaveEvents>> for SaveEvents {
    type Value = ::planus::Offset<SaveEvents>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<SaveEvents>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for SaveEventsRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[SaveEventsRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Stream stored events matching any of `filters`, newest first, in chunks.
/// 
/// Generated from these locations:
/// * Table `Query` in the file `schemas/cache.fbs:16`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Query{
    
        /// The field `filters` in the table `Query`
        pub filters: ::core::option::Option<::planus::alloc::vec::Vec<self::Filter>>,
        ///  Events per `QueryChunk`; 0 lets the worker choose.
        pub chunk_size: u32,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Query {
    fn default() -> Self {
        Self {
        filters: ::core::default::Default::default(),
        chunk_size: 0,
        
        }
    }
}


impl Query {
    /// Creates a [QueryBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> QueryBuilder<()> {
        QueryBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_filters: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>,
        field_chunk_size: impl ::planus::WriteAsDefault<u32, u32>,
        
    ) -> ::planus::Offset<Self> {let prepared_filters = field_filters.prepare(builder);let prepared_chunk_size = field_chunk_size.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        if prepared_filters.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::Filter>]>>(0);}if prepared_chunk_size.is_some() {table_writer.write_entry::<u32>(1);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_filters) = prepared_filters {object_writer.write::<_, _, 4>(&prepared_filters);}if let ::core::option::Option::Some(prepared_chunk_size) = prepared_chunk_size {object_writer.write::<_, _, 4>(&prepared_chunk_size);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Query>> for Query {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Query> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Query>> for Query {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Query>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Query> for Query {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Query> {
        Query::create(
            builder,
        
            
            &self.filters,
            
        
            
            self.chunk_size,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Query] type.
///
/// Can be created using the [Query::builder] method.
#[derive(Debug)]
#[must_use]
pub struct QueryBuilder<State>(State);

impl<
    
> QueryBuilder
<
    (
    
    )
>
{
    /// Setter for the [`filters` field](Query#structfield.filters).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn filters<T0>(self, value: T0) -> QueryBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>
    {
        QueryBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`filters` field](Query#structfield.filters) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn filters_as_null(self) -> QueryBuilder<(
        
        (),
    )>
    {
        self.filters(())
    }
    
}

impl<
    
        T0,
    
> QueryBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`chunk_size` field](Query#structfield.chunk_size).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn chunk_size<T1>(self, value: T1) -> QueryBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<u32, u32>
    {
        
        let (
            
                v0,
            
        ) = self.0;QueryBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`chunk_size` field](Query#structfield.chunk_size) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn chunk_size_as_default(self) -> QueryBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.chunk_size(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
        T1,
    
> QueryBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Query].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Query>
        where Self: ::planus::WriteAsOffset<Query>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>,
    
        T1: ::planus::WriteAsDefault<u32, u32>,
    
> ::planus::WriteAs<::planus::Offset<Query>> for QueryBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Query>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Query> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>,
    
        T1: ::planus::WriteAsDefault<u32, u32>,
    
> ::planus::WriteAsOptional<::planus::Offset<Query>> for QueryBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Query>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Query>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>,
    
        T1: ::planus::WriteAsDefault<u32, u32>,
    
> ::planus::WriteAsOffset<Query> for QueryBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Query> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;Query::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [Query].
#[derive(Copy, Clone)]
pub struct QueryRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> QueryRef<'a> {
    
        /// Getter for the [`filters` field](Query#structfield.filters).
        #[inline]
        pub fn filters(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<self::FilterRef<'a>>>>> {
            
            
              
              self.0.access(0, "Query", "filters")
              
            
            
            
        }
    
        /// Getter for the [`chunk_size` field](Query#structfield.chunk_size).
        #[inline]
        pub fn chunk_size(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "Query", "chunk_size")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for QueryRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("QueryRef");
        if let ::core::option::Option::Some(field_filters) = self.filters().transpose() {
                f.field("filters", &field_filters);
            }f.field("chunk_size", &self.chunk_size());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<QueryRef<'a>> for Query {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: QueryRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            filters: 
                            if let ::core::option::Option::Some(filters) = value.filters()? {
                                ::core::option::Option::Some(filters.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,chunk_size: ::core::convert::TryInto::try_into(value.chunk_size()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for QueryRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for QueryRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[QueryRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Query>> for Query {
    type Value = ::planus::Offset<Query>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Query>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for QueryRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[QueryRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Count stored events matching any of `filters`.
/// 
/// Generated from these locations:
/// * Table `Count` in the file `schemas/cache.fbs:23`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Count{
    
        /// The field `filters` in the table `Count`
        pub filters: ::core::option::Option<::planus::alloc::vec::Vec<self::Filter>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Count {
    fn default() -> Self {
        Self {
        filters: ::core::default::Default::default(),
        
        }
    }
}


impl Count {
    /// Creates a [CountBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CountBuilder<()> {
        CountBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_filters: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_filters = field_filters.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_filters.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::Filter>]>>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_filters) = prepared_filters {object_writer.write::<_, _, 4>(&prepared_filters);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Count>> for Count {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Count> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Count>> for Count {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Count>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Count> for Count {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Count> {
        Count::create(
            builder,
        
            
            &self.filters,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Count] type.
///
/// Can be created using the [Count::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CountBuilder<State>(State);

impl<
    
> CountBuilder
<
    (
    
    )
>
{
    /// Setter for the [`filters` field](Count#structfield.filters).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn filters<T0>(self, value: T0) -> CountBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>
    {
        CountBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`filters` field](Count#structfield.filters) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn filters_as_null(self) -> CountBuilder<(
        
        (),
    )>
    {
        self.filters(())
    }
    
}



impl<
    
        T0,
    
> CountBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Count].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Count>
        where Self: ::planus::WriteAsOffset<Count>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>,
    
> ::planus::WriteAs<::planus::Offset<Count>> for CountBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<Count>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Count> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Count>> for CountBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<Count>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Count>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>,
    
> ::planus::WriteAsOffset<Count> for CountBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Count> {
        
        let (
            
                v0,
            
        ) = &self.0;Count::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [Count].
#[derive(Copy, Clone)]
pub struct CountRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> CountRef<'a> {
    
        /// Getter for the [`filters` field](Count#structfield.filters).
        #[inline]
        pub fn filters(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<self::FilterRef<'a>>>>> {
            
            
              
              self.0.access(0, "Count", "filters")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for CountRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("CountRef");
        if let ::core::option::Option::Some(field_filters) = self.filters().transpose() {
                f.field("filters", &field_filters);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<CountRef<'a>> for Count {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: CountRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            filters: 
                            if let ::core::option::Option::Some(filters) = value.filters()? {
                                ::core::option::Option::Some(filters.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for CountRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for CountRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[CountRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Count>> for Count {
    type Value = ::planus::Offset<Count>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Count>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for CountRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[CountRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Fetch one event by id.
/// 
/// Generated from these locations:
/// * Table `GetEvent` in the file `schemas/cache.fbs:28`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct GetEvent{
    
        /// The field `id` in the table `GetEvent`
        pub id: self::Bytes32,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for GetEvent {
    fn default() -> Self {
        Self {
        id: ::core::default::Default::default(),
        
        }
    }
}


impl GetEvent {
    /// Creates a [GetEventBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> GetEventBuilder<()> {
        GetEventBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_id: impl ::planus::WriteAs<self::Bytes32>,
        
    ) -> ::planus::Offset<Self> {let prepared_id = field_id.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<self::Bytes32>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 32>(&prepared_id);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<GetEvent>> for GetEvent {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetEvent> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<GetEvent>> for GetEvent {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<GetEvent>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<GetEvent> for GetEvent {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetEvent> {
        GetEvent::create(
            builder,
        
            
            self.id,
            
        
        )
    }
}

/// Builder for serializing an instance of the [GetEvent] type.
///
/// Can be created using the [GetEvent::builder] method.
#[derive(Debug)]
#[must_use]
pub struct GetEventBuilder<State>(State);

impl<
    
> GetEventBuilder
<
    (
    
    )
>
{
    /// Setter for the [`id` field](GetEvent#structfield.id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn id<T0>(self, value: T0) -> GetEventBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<self::Bytes32>
    {
        GetEventBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> GetEventBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [GetEvent].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetEvent>
        where Self: ::planus::WriteAsOffset<GetEvent>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
> ::planus::WriteAs<::planus::Offset<GetEvent>> for GetEventBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<GetEvent>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetEvent> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
> ::planus::WriteAsOptional<::planus::Offset<GetEvent>> for GetEventBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<GetEvent>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<GetEvent>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
> ::planus::WriteAsOffset<GetEvent> for GetEventBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetEvent> {
        
        let (
            
                v0,
            
        ) = &self.0;GetEvent::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [GetEvent].
#[derive(Copy, Clone)]
pub struct GetEventRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> GetEventRef<'a> {
    
        /// Getter for the [`id` field](GetEvent#structfield.id).
        #[inline]
        pub fn id(&self) -> ::planus::Result<self::Bytes32Ref<'a>> {
            
            
              
              self.0.access_required(0, "GetEvent", "id")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for GetEventRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("GetEventRef");
        f.field("id", &self.id());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<GetEventRef<'a>> for GetEvent {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: GetEventRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            id: ::core::convert::Into::into(value.id()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for GetEventRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for GetEventRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[GetEventRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<GetEvent>> for GetEvent {
    type Value = ::planus::Offset<GetEvent>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<GetEvent>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for GetEventRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[GetEventRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Delete stored events matching any of `filters`.
/// 
/// Generated from these locations:
/// * Table `DeleteEvents` in the file `schemas/cache.fbs:33`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct DeleteEvents{
    
        /// The field `filters` in the table `DeleteEvents`
        pub filters: ::core::option::Option<::planus::alloc::vec::Vec<self::Filter>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for DeleteEvents {
    fn default() -> Self {
        Self {
        filters: ::core::default::Default::default(),
        
        }
    }
}


impl DeleteEvents {
    /// Creates a [DeleteEventsBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> DeleteEventsBuilder<()> {
        DeleteEventsBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_filters: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_filters = field_filters.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_filters.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::Filter>]>>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_filters) = prepared_filters {object_writer.write::<_, _, 4>(&prepared_filters);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<DeleteEvents>> for DeleteEvents {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<DeleteEvents> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<DeleteEvents>> for DeleteEvents {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<DeleteEvents>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<DeleteEvents> for DeleteEvents {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<DeleteEvents> {
        DeleteEvents::create(
            builder,
        
            
            &self.filters,
            
        
        )
    }
}

/// Builder for serializing an instance of the [DeleteEvents] type.
///
/// Can be created using the [DeleteEvents::builder] method.
#[derive(Debug)]
#[must_use]
pub struct DeleteEventsBuilder<State>(State);

impl<
    
> DeleteEventsBuilder
<
    (
    
    )
>
{
    /// Setter for the [`filters` field](DeleteEvents#structfield.filters).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn filters<T0>(self, value: T0) -> DeleteEventsBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>
    {
        DeleteEventsBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`filters` field](DeleteEvents#structfield.filters) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn filters_as_null(self) -> DeleteEventsBuilder<(
        
        (),
    )>
    {
        self.filters(())
    }
    
}



impl<
    
        T0,
    
> DeleteEventsBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [DeleteEvents].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<DeleteEvents>
        where Self: ::planus::WriteAsOffset<DeleteEvents>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>,
    
> ::planus::WriteAs<::planus::Offset<DeleteEvents>> for DeleteEventsBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<DeleteEvents>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<DeleteEvents> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<DeleteEvents>> for DeleteEventsBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<DeleteEvents>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<DeleteEvents>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>,
    
> ::planus::WriteAsOffset<DeleteEvents> for DeleteEventsBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<DeleteEvents> {
        
        let (
            
                v0,
            
        ) = &self.0;DeleteEvents::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [DeleteEvents].
#[derive(Copy, Clone)]
pub struct DeleteEventsRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> DeleteEventsRef<'a> {
    
        /// Getter for the [`filters` field](DeleteEvents#structfield.filters).
        #[inline]
        pub fn filters(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<self::FilterRef<'a>>>>> {
            
            
              
              self.0.access(0, "DeleteEvents", "filters")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for DeleteEventsRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("DeleteEventsRef");
        if let ::core::option::Option::Some(field_filters) = self.filters().transpose() {
                f.field("filters", &field_filters);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<DeleteEventsRef<'a>> for DeleteEvents {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: DeleteEventsRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            filters: 
                            if let ::core::option::Option::Some(filters) = value.filters()? {
                                ::core::option::Option::Some(filters.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for DeleteEventsRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for DeleteEventsRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[DeleteEventsRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<DeleteEvents>> for DeleteEvents {
    type Value = ::planus::Offset<DeleteEvents>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<DeleteEvents>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for DeleteEventsRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[DeleteEventsRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Look up the NIP-65 relay list (kind 10002) of `pubkey`.
/// 
/// Generated from these locations:
/// * Table `GetRelayList` in the file `schemas/cache.fbs:38`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct GetRelayList{
    
        /// The field `pubkey` in the table `GetRelayList`
        pub pubkey: self::Bytes32,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for GetRelayList {
    fn default() -> Self {
        Self {
        pubkey: ::core::default::Default::default(),
        
        }
    }
}


impl GetRelayList {
    /// Creates a [GetRelayListBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> GetRelayListBuilder<()> {
        GetRelayListBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_pubkey: impl ::planus::WriteAs<self::Bytes32>,
        
    ) -> ::planus::Offset<Self> {let prepared_pubkey = field_pubkey.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<self::Bytes32>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 32>(&prepared_pubkey);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<GetRelayList>> for GetRelayList {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetRelayList> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<GetRelayList>> for GetRelayList {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<GetRelayList>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<GetRelayList> for GetRelayList {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetRelayList> {
        GetRelayList::create(
            builder,
        
            
            self.pubkey,
            
        
        )
    }
}

/// Builder for serializing an instance of the [GetRelayList] type.
///
/// Can be created using the [GetRelayList::builder] method.
#[derive(Debug)]
#[must_use]
pub struct GetRelayListBuilder<State>(State);

impl<
    
> GetRelayListBuilder
<
    (
    
    )
>
{
    /// Setter for the [`pubkey` field](GetRelayList#structfield.pubkey).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn pubkey<T0>(self, value: T0) -> GetRelayListBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<self::Bytes32>
    {
        GetRelayListBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> GetRelayListBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [GetRelayList].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetRelayList>
        where Self: ::planus::WriteAsOffset<GetRelayList>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
> ::planus::WriteAs<::planus::Offset<GetRelayList>> for GetRelayListBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<GetRelayList>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetRelayList> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
> ::planus::WriteAsOptional<::planus::Offset<GetRelayList>> for GetRelayListBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<GetRelayList>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<GetRelayList>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
> ::planus::WriteAsOffset<GetRelayList> for GetRelayListBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetRelayList> {
        
        let (
            
                v0,
            
        ) = &self.0;GetRelayList::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [GetRelayList].
#[derive(Copy, Clone)]
pub struct GetRelayListRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> GetRelayListRef<'a> {
    
        /// Getter for the [`pubkey` field](GetRelayList#structfield.pubkey).
        #[inline]
        pub fn pubkey(&self) -> ::planus::Result<self::Bytes32Ref<'a>> {
            
            
              
              self.0.access_required(0, "GetRelayList", "pubkey")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for GetRelayListRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("GetRelayListRef");
        f.field("pubkey", &self.pubkey());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<GetRelayListRef<'a>> for GetRelayList {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: GetRelayListRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            pubkey: ::core::convert::Into::into(value.pubkey()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for GetRelayListRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for GetRelayListRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[GetRelayListRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<GetRelayList>> for GetRelayList {
    type Value = ::planus::Offset<GetRelayList>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<GetRelayList>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for GetRelayListRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[GetRelayListRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Remove every stored event.
/// 
/// Generated from these locations:
/// * Table `Wipe` in the file `schemas/cache.fbs:43`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Wipe{
    }


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Wipe {
    fn default() -> Self {
        Self {
        
        }
    }
}


impl Wipe {
    /// Creates a [WipeBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> WipeBuilder<()> {
        WipeBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        
    ) -> ::planus::Offset<Self> {

        let table_writer: ::planus::table_writer::TableWriter::<4> = ::core::default::Default::default();
        unsafe {
            table_writer.finish(builder, |_table_writer| {});
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Wipe>> for Wipe {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Wipe> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Wipe>> for Wipe {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Wipe>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Wipe> for Wipe {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Wipe> {
        Wipe::create(
            builder,
        
        )
    }
}

/// Builder for serializing an instance of the [Wipe] type.
///
/// Can be created using the [Wipe::builder] method.
#[derive(Debug)]
#[must_use]
pub struct WipeBuilder<State>(State);



impl<
    
> WipeBuilder<(
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Wipe].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Wipe>
        where Self: ::planus::WriteAsOffset<Wipe>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
> ::planus::WriteAs<::planus::Offset<Wipe>> for WipeBuilder<(
    
)> {
    type Prepared = ::planus::Offset<Wipe>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Wipe> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
> ::planus::WriteAsOptional<::planus::Offset<Wipe>> for WipeBuilder<(
    
)> {
    type Prepared = ::planus::Offset<Wipe>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Wipe>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
> ::planus::WriteAsOffset<Wipe> for WipeBuilder<(
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Wipe> {
        Wipe::create(
            builder,
            
        )
    }
}

/// Reference to a deserialized [Wipe].
#[derive(Copy, Clone)]
pub struct WipeRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> WipeRef<'a> {
    
}

impl<'a> ::core::fmt::Debug for WipeRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("WipeRef");
        
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<WipeRef<'a>> for Wipe {
    type Error = ::planus::Error;


    fn try_from(_value: WipeRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            
        })
    }
}

impl<'a> ::planus::TableRead<'a> for WipeRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for WipeRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[WipeRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Wipe>> for Wipe {
    type Value = ::planus::Offset<Wipe>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Wipe>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for WipeRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[WipeRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Every request the cache worker serves.
/// 
/// Generated from these locations:
/// * Union `CacheRequestBody` in the file `schemas/cache.fbs:47`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize)]
pub enum CacheRequestBody{
    
        /// The variant of type `SaveEvents` in the union `CacheRequestBody`
        SaveEvents(::planus::alloc::boxed::Box<self::SaveEvents>),
    
        /// The variant of type `Query` in the union `CacheRequestBody`
        Query(::planus::alloc::boxed::Box<self::Query>),
    
        /// The variant of type `Count` in the union `CacheRequestBody`
        Count(::planus::alloc::boxed::Box<self::Count>),
    
        /// The variant of type `GetEvent` in the union `CacheRequestBody`
        GetEvent(::planus::alloc::boxed::Box<self::GetEvent>),
    
        /// The variant of type `DeleteEvents` in the union `CacheRequestBody`
        DeleteEvents(::planus::alloc::boxed::Box<self::DeleteEvents>),
    
        /// The variant of type `GetRelayList` in the union `CacheRequestBody`
        GetRelayList(::planus::alloc::boxed::Box<self::GetRelayList>),
    
        /// The variant of type `Wipe` in the union `CacheRequestBody`
        Wipe(::planus::alloc::boxed::Box<self::Wipe>),
    
}


impl CacheRequestBody {
    /// Creates a [CacheRequestBodyBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CacheRequestBodyBuilder<::planus::Uninitialized> {
        CacheRequestBodyBuilder(::planus::Uninitialized)
    }

    #[inline]
    pub fn create_save_events(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::SaveEvents>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(1, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_query(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Query>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(2, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_count(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Count>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(3, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_get_event(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::GetEvent>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(4, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_delete_events(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::DeleteEvents>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(5, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_get_relay_list(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::GetRelayList>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(6, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_wipe(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Wipe>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(7, value.prepare(builder).downcast())
    }

    
}



impl ::planus::WriteAsUnion<CacheRequestBody> for CacheRequestBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Self> {
        match self {
            Self::SaveEvents(value) => Self::create_save_events(builder, value),
            Self::Query(value) => Self::create_query(builder, value),
            Self::Count(value) => Self::create_count(builder, value),
            Self::GetEvent(value) => Self::create_get_event(builder, value),
            Self::DeleteEvents(value) => Self::create_delete_events(builder, value),
            Self::GetRelayList(value) => Self::create_get_relay_list(builder, value),
            Self::Wipe(value) => Self::create_wipe(builder, value),
            
        }
    }
}


impl ::planus::WriteAsOptionalUnion<CacheRequestBody> for CacheRequestBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Self>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}

/// Builder for serializing an instance of the [CacheRequestBody] type.
///
/// Can be created using the [CacheRequestBody::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CacheRequestBodyBuilder<T>(T);

impl CacheRequestBodyBuilder<::planus::Uninitialized> {
    /// Creates an instance of the [`SaveEvents` variant](CacheRequestBody#variant.SaveEvents).
    #[inline]
    pub fn save_events<T>(
        self,
        value: T,
    ) -> CacheRequestBodyBuilder<::planus::Initialized<1, T>>
        where T: ::planus::WriteAsOffset<self::SaveEvents> {
        CacheRequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Query` variant](CacheRequestBody#variant.Query).
    #[inline]
    pub fn query<T>(
        self,
        value: T,
    ) -> CacheRequestBodyBuilder<::planus::Initialized<2, T>>
        where T: ::planus::WriteAsOffset<self::Query> {
        CacheRequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Count` variant](CacheRequestBody#variant.Count).
    #[inline]
    pub fn count<T>(
        self,
        value: T,
    ) -> CacheRequestBodyBuilder<::planus::Initialized<3, T>>
        where T: ::planus::WriteAsOffset<self::Count> {
        CacheRequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`GetEvent` variant](CacheRequestBody#variant.GetEvent).
    #[inline]
    pub fn get_event<T>(
        self,
        value: T,
    ) -> CacheRequestBodyBuilder<::planus::Initialized<4, T>>
        where T: ::planus::WriteAsOffset<self::GetEvent> {
        CacheRequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`DeleteEvents` variant](CacheRequestBody#variant.DeleteEvents).
    #[inline]
    pub fn delete_events<T>(
        self,
        value: T,
    ) -> CacheRequestBodyBuilder<::planus::Initialized<5, T>>
        where T: ::planus::WriteAsOffset<self::DeleteEvents> {
        CacheRequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`GetRelayList` variant](CacheRequestBody#variant.GetRelayList).
    #[inline]
    pub fn get_relay_list<T>(
        self,
        value: T,
    ) -> CacheRequestBodyBuilder<::planus::Initialized<6, T>>
        where T: ::planus::WriteAsOffset<self::GetRelayList> {
        CacheRequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Wipe` variant](CacheRequestBody#variant.Wipe).
    #[inline]
    pub fn wipe<T>(
        self,
        value: T,
    ) -> CacheRequestBodyBuilder<::planus::Initialized<7, T>>
        where T: ::planus::WriteAsOffset<self::Wipe> {
        CacheRequestBodyBuilder(::planus::Initialized(value))
    }

    
}

impl<const N: u8, T> CacheRequestBodyBuilder<::planus::Initialized<N, T>> {
    /// Finish writing the builder to get an [UnionOffset](::planus::UnionOffset) to a serialized [CacheRequestBody].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheRequestBody>
        where Self: ::planus::WriteAsUnion<CacheRequestBody>
    {
        ::planus::WriteAsUnion::prepare(&self, builder)
    }
}

impl<T> ::planus::WriteAsUnion<CacheRequestBody> for CacheRequestBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::SaveEvents>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheRequestBody> {
        ::planus::UnionOffset::new(1, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CacheRequestBody> for CacheRequestBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::SaveEvents>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CacheRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CacheRequestBody> for CacheRequestBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::Query>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheRequestBody> {
        ::planus::UnionOffset::new(2, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CacheRequestBody> for CacheRequestBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::Query>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CacheRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CacheRequestBody> for CacheRequestBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::Count>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheRequestBody> {
        ::planus::UnionOffset::new(3, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CacheRequestBody> for CacheRequestBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::Count>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CacheRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CacheRequestBody> for CacheRequestBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::GetEvent>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheRequestBody> {
        ::planus::UnionOffset::new(4, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CacheRequestBody> for CacheRequestBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::GetEvent>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CacheRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CacheRequestBody> for CacheRequestBodyBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::DeleteEvents>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheRequestBody> {
        ::planus::UnionOffset::new(5, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CacheRequestBody> for CacheRequestBodyBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::DeleteEvents>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CacheRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CacheRequestBody> for CacheRequestBodyBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::GetRelayList>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheRequestBody> {
        ::planus::UnionOffset::new(6, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CacheRequestBody> for CacheRequestBodyBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::GetRelayList>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CacheRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CacheRequestBody> for CacheRequestBodyBuilder<::planus::Initialized<7, T>>
    where T: ::planus::WriteAsOffset<self::Wipe>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheRequestBody> {
        ::planus::UnionOffset::new(7, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CacheRequestBody> for CacheRequestBodyBuilder<::planus::Initialized<7, T>>
    where T: ::planus::WriteAsOffset<self::Wipe>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CacheRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}


/// Reference to a deserialized [CacheRequestBody].
#[derive(Copy, Clone, Debug)]
pub enum CacheRequestBodyRef<'a>{
    SaveEvents(self::SaveEventsRef<'a>),
    Query(self::QueryRef<'a>),
    Count(self::CountRef<'a>),
    GetEvent(self::GetEventRef<'a>),
    DeleteEvents(self::DeleteEventsRef<'a>),
    GetRelayList(self::GetRelayListRef<'a>),
    Wipe(self::WipeRef<'a>),
    
}


impl<'a> ::core::convert::TryFrom<CacheRequestBodyRef<'a>> for CacheRequestBody {
    type Error = ::planus::Error;

    fn try_from(value: CacheRequestBodyRef<'a>) -> ::planus::Result<Self> {
        ::core::result::Result::Ok(match value {
            
                CacheRequestBodyRef::SaveEvents(value) => Self::SaveEvents(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CacheRequestBodyRef::Query(value) => Self::Query(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CacheRequestBodyRef::Count(value) => Self::Count(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CacheRequestBodyRef::GetEvent(value) => Self::GetEvent(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CacheRequestBodyRef::DeleteEvents(value) => Self::DeleteEvents(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CacheRequestBodyRef::GetRelayList(value) => Self::GetRelayList(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CacheRequestBodyRef::Wipe(value) => Self::Wipe(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
        })
    }
}



impl<'a> ::planus::TableReadUnion<'a> for CacheRequestBodyRef<'a> {
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, tag: u8, field_offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        match tag {
            1 => ::core::result::Result::Ok(Self::SaveEvents(::planus::TableRead::from_buffer(buffer, field_offset)?)),2 => ::core::result::Result::Ok(Self::Query(::planus::TableRead::from_buffer(buffer, field_offset)?)),3 => ::core::result::Result::Ok(Self::Count(::planus::TableRead::from_buffer(buffer, field_offset)?)),4 => ::core::result::Result::Ok(Self::GetEvent(::planus::TableRead::from_buffer(buffer, field_offset)?)),5 => ::core::result::Result::Ok(Self::DeleteEvents(::planus::TableRead::from_buffer(buffer, field_offset)?)),6 => ::core::result::Result::Ok(Self::GetRelayList(::planus::TableRead::from_buffer(buffer, field_offset)?)),7 => ::core::result::Result::Ok(Self::Wipe(::planus::TableRead::from_buffer(buffer, field_offset)?)),_ => ::core::result::Result::Err(::planus::errors::ErrorKind::UnknownUnionTag { tag }),
        }
    }
}



impl<'a> ::planus::VectorReadUnion<'a> for CacheRequestBodyRef<'a> {
    const VECTOR_NAME: &'static str = "[CacheRequestBodyRef]";
}


    
///  Root message: a request to the cache worker.
/// 
/// Generated from these locations:
/// * Table `CacheRequest` in the file `schemas/cache.fbs:58`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct CacheRequest{
    
        /// The field `request_id` in the table `CacheRequest`
        pub request_id: u64,
        /// The field `body` in the table `CacheRequest`
        pub body: self::CacheRequestBody,}



impl CacheRequest {
    /// Creates a [CacheRequestBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CacheRequestBuilder<()> {
        CacheRequestBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_request_id: impl ::planus::WriteAsDefault<u64, u64>,
        field_body: impl ::planus::WriteAsUnion<self::CacheRequestBody>,
        
    ) -> ::planus::Offset<Self> {let prepared_request_id = field_request_id.prepare(builder, &0);let prepared_body = field_body.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        if prepared_request_id.is_some() {table_writer.write_entry::<u64>(0);}table_writer.write_entry::<::planus::Offset<self::CacheRequestBody>>(2);table_writer.write_entry::<u8>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_request_id) = prepared_request_id {object_writer.write::<_, _, 8>(&prepared_request_id);}object_writer.write::<_, _, 4>(&prepared_body.offset());object_writer.write::<_, _, 1>(&prepared_body.tag());
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<CacheRequest>> for CacheRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CacheRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<CacheRequest>> for CacheRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CacheRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<CacheRequest> for CacheRequest {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CacheRequest> {
        CacheRequest::create(
            builder,
        
            
            self.request_id,
            
        
            
            &self.body,
            
        
        )
    }
}

/// Builder for serializing an instance of the [CacheRequest] type.
///
/// Can be created using the [CacheRequest::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CacheRequestBuilder<State>(State);

impl<
    
> CacheRequestBuilder
<
    (
    
    )
>
{
    /// Setter for the [`request_id` field](CacheRequest#structfield.request_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id<T0>(self, value: T0) -> CacheRequestBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        CacheRequestBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`request_id` field](CacheRequest#structfield.request_id) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id_as_default(self) -> CacheRequestBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.request_id(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> CacheRequestBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`body` field](CacheRequest#structfield.body).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn body<T1>(self, value: T1) -> CacheRequestBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsUnion<self::CacheRequestBody>
    {
        
        let (
            
                v0,
            
        ) = self.0;CacheRequestBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> CacheRequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [CacheRequest].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<CacheRequest>
        where Self: ::planus::WriteAsOffset<CacheRequest>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::CacheRequestBody>,
    
> ::planus::WriteAs<::planus::Offset<CacheRequest>> for CacheRequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<CacheRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CacheRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::CacheRequestBody>,
    
> ::planus::WriteAsOptional<::planus::Offset<CacheRequest>> for CacheRequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<CacheRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CacheRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::CacheRequestBody>,
    
> ::planus::WriteAsOffset<CacheRequest> for CacheRequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CacheRequest> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;CacheRequest::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [CacheRequest].
#[derive(Copy, Clone)]
pub struct CacheRequestRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> CacheRequestRef<'a> {
    
        /// Getter for the [`request_id` field](CacheRequest#structfield.request_id).
        #[inline]
        pub fn request_id(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "CacheRequest", "request_id")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`body` field](CacheRequest#structfield.body).
        #[inline]
        pub fn body(&self) -> ::planus::Result<self::CacheRequestBodyRef<'a>> {
            
            
              
              self.0.access_union_required(1, "CacheRequest", "body")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for CacheRequestRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("CacheRequestRef");
        f.field("request_id", &self.request_id());f.field("body", &self.body());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<CacheRequestRef<'a>> for CacheRequest {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: CacheRequestRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            request_id: ::core::convert::TryInto::try_into(value.request_id()?)?,body: ::core::convert::TryInto::try_into(value.body()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for CacheRequestRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for CacheRequestRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[CacheRequestRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<CacheRequest>> for CacheRequest {
    type Value = ::planus::Offset<CacheRequest>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<CacheRequest>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for CacheRequestRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[CacheRequestRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  What the store did with one event of a `SaveEvents` batch.
/// 
/// Generated from these locations:
/// * Enum `SaveStatus` in the file `schemas/cache.fbs:64`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u8)]pub enum SaveStatus {
    
        ///  Stored.
        Saved = 0,
    
        ///  Already stored (same id).
        Duplicate = 1,
    
        ///  Stored, and it replaced an older replaceable/addressable version.
        Replaced = 2,
    
        ///  Not stored: a stored deletion (NIP-09) already covers it.
        Deleted = 3,
    
        ///  Not stored: see `reason` (ephemeral, expired, older than the stored version, too large...).
        Rejected = 4,
    
}

impl SaveStatus {
    /// Array containing all valid variants of SaveStatus
    pub const ENUM_VALUES: [Self; 5] = [Self::Saved,Self::Duplicate,Self::Replaced,Self::Deleted,Self::Rejected,];
}

impl ::core::convert::TryFrom<u8> for SaveStatus {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u8) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(SaveStatus::Saved),
            1 => ::core::result::Result::Ok(SaveStatus::Duplicate),
            2 => ::core::result::Result::Ok(SaveStatus::Replaced),
            3 => ::core::result::Result::Ok(SaveStatus::Deleted),
            4 => ::core::result::Result::Ok(SaveStatus::Rejected),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<SaveStatus> for u8 {
    #[inline]
    fn from(value: SaveStatus) -> Self {
        value as u8
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for SaveStatus {
    const ALIGNMENT: usize = 1;
    const SIZE: usize = 1;
}

impl ::planus::WriteAsPrimitive<SaveStatus> for SaveStatus {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u8).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<SaveStatus> for SaveStatus {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> SaveStatus {
        *self
    }
}

impl ::planus::WriteAsDefault<SaveStatus, SaveStatus> for SaveStatus {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &SaveStatus) -> ::core::option::Option<SaveStatus> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<SaveStatus> for SaveStatus {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<SaveStatus> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for SaveStatus {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u8 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for SaveStatus {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 1;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { *buffer.buffer.get_unchecked(offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "SaveStatus",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<SaveStatus> for SaveStatus {
    const STRIDE: usize = 1;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 1];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - i as u32,
                
            );
        }
    }
}

    
///  Outcome for one event, in request order.
/// 
/// Generated from these locations:
/// * Table `SaveOutcome` in the file `schemas/cache.fbs:78`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct SaveOutcome{
    
        /// The field `status` in the table `SaveOutcome`
        pub status: self::SaveStatus,
        ///  Set for `Rejected`.
        pub reason: ::core::option::Option<::planus::alloc::string::String>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for SaveOutcome {
    fn default() -> Self {
        Self {
        status: self::SaveStatus::Saved,
        reason: ::core::default::Default::default(),
        
        }
    }
}


impl SaveOutcome {
    /// Creates a [SaveOutcomeBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> SaveOutcomeBuilder<()> {
        SaveOutcomeBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_status: impl ::planus::WriteAsDefault<self::SaveStatus, self::SaveStatus>,
        field_reason: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_status = field_status.prepare(builder, &self::SaveStatus::Saved);let prepared_reason = field_reason.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        if prepared_reason.is_some() {table_writer.write_entry::<::planus::Offset<str>>(1);}if prepared_status.is_some() {table_writer.write_entry::<self::SaveStatus>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_reason) = prepared_reason {object_writer.write::<_, _, 4>(&prepared_reason);}if let ::core::option::Option::Some(prepared_status) = prepared_status {object_writer.write::<_, _, 1>(&prepared_status);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<SaveOutcome>> for SaveOutcome {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SaveOutcome> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<SaveOutcome>> for SaveOutcome {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SaveOutcome>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<SaveOutcome> for SaveOutcome {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SaveOutcome> {
        SaveOutcome::create(
            builder,
        
            
            self.status,
            
        
            
            &self.reason,
            
        
        )
    }
}

/// Builder for serializing an instance of the [SaveOutcome] type.
///
/// Can be created using the [SaveOutcome::builder] method.
#[derive(Debug)]
#[must_use]
pub struct SaveOutcomeBuilder<State>(State);

impl<
    
> SaveOutcomeBuilder
<
    (
    
    )
>
{
    /// Setter for the [`status` field](SaveOutcome#structfield.status).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn status<T0>(self, value: T0) -> SaveOutcomeBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<self::SaveStatus, self::SaveStatus>
    {
        SaveOutcomeBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`status` field](SaveOutcome#structfield.status) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn status_as_default(self) -> SaveOutcomeBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.status(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> SaveOutcomeBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`reason` field](SaveOutcome#structfield.reason).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn reason<T1>(self, value: T1) -> SaveOutcomeBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;SaveOutcomeBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`reason` field](SaveOutcome#structfield.reason) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn reason_as_null(self) -> SaveOutcomeBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.reason(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
> SaveOutcomeBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [SaveOutcome].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<SaveOutcome>
        where Self: ::planus::WriteAsOffset<SaveOutcome>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::SaveStatus, self::SaveStatus>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAs<::planus::Offset<SaveOutcome>> for SaveOutcomeBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<SaveOutcome>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SaveOutcome> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::SaveStatus, self::SaveStatus>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<SaveOutcome>> for SaveOutcomeBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<SaveOutcome>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SaveOutcome>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::SaveStatus, self::SaveStatus>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOffset<SaveOutcome> for SaveOutcomeBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SaveOutcome> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;SaveOutcome::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [SaveOutcome].
#[derive(Copy, Clone)]
pub struct SaveOutcomeRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> SaveOutcomeRef<'a> {
    
        /// Getter for the [`status` field](SaveOutcome#structfield.status).
        #[inline]
        pub fn status(&self) -> ::planus::Result<self::SaveStatus> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "SaveOutcome", "status")
              
            
            ?.unwrap_or(self::SaveStatus::Saved))
            
        }
    
        /// Getter for the [`reason` field](SaveOutcome#structfield.reason).
        #[inline]
        pub fn reason(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(1, "SaveOutcome", "reason")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for SaveOutcomeRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("SaveOutcomeRef");
        f.field("status", &self.status());if let ::core::option::Option::Some(field_reason) = self.reason().transpose() {
                f.field("reason", &field_reason);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<SaveOutcomeRef<'a>> for SaveOutcome {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: SaveOutcomeRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            status: ::core::convert::TryInto::try_into(value.status()?)?,reason: 
                                value.reason()?.map(::core::convert::Into::into)
                            ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for SaveOutcomeRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for SaveOutcomeRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[SaveOutcomeRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<SaveOutcome>> for SaveOutcome {
    type Value = ::planus::Offset<SaveOutcome>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<SaveOutcome>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for SaveOutcomeRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[SaveOutcomeRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Answer to `SaveEvents`.
/// 
/// Generated from these locations:
/// * Table `SaveResult` in the file `schemas/cache.fbs:85`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct SaveResult{
    
        /// The field `outcomes` in the table `SaveResult`
        pub outcomes: ::core::option::Option<::planus::alloc::vec::Vec<self::SaveOutcome>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for SaveResult {
    fn default() -> Self {
        Self {
        outcomes: ::core::default::Default::default(),
        
        }
    }
}


impl SaveResult {
    /// Creates a [SaveResultBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> SaveResultBuilder<()> {
        SaveResultBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_outcomes: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::SaveOutcome>]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_outcomes = field_outcomes.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_outcomes.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::SaveOutcome>]>>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_outcomes) = prepared_outcomes {object_writer.write::<_, _, 4>(&prepared_outcomes);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<SaveResult>> for SaveResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SaveResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<SaveResult>> for SaveResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SaveResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<SaveResult> for SaveResult {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SaveResult> {
        SaveResult::create(
            builder,
        
            
            &self.outcomes,
            
        
        )
    }
}

/// Builder for serializing an instance of the [SaveResult] type.
///
/// Can be created using the [SaveResult::builder] method.
#[derive(Debug)]
#[must_use]
pub struct SaveResultBuilder<State>(State);

impl<
    
> SaveResultBuilder
<
    (
    
    )
>
{
    /// Setter for the [`outcomes` field](SaveResult#structfield.outcomes).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn outcomes<T0>(self, value: T0) -> SaveResultBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::SaveOutcome>]>>
    {
        SaveResultBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`outcomes` field](SaveResult#structfield.outcomes) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn outcomes_as_null(self) -> SaveResultBuilder<(
        
        (),
    )>
    {
        self.outcomes(())
    }
    
}



impl<
    
        T0,
    
> SaveResultBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [SaveResult].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<SaveResult>
        where Self: ::planus::WriteAsOffset<SaveResult>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::SaveOutcome>]>>,
    
> ::planus::WriteAs<::planus::Offset<SaveResult>> for SaveResultBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<SaveResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SaveResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::SaveOutcome>]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<SaveResult>> for SaveResultBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<SaveResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SaveResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::SaveOutcome>]>>,
    
> ::planus::WriteAsOffset<SaveResult> for SaveResultBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SaveResult> {
        
        let (
            
                v0,
            
        ) = &self.0;SaveResult::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [SaveResult].
#[derive(Copy, Clone)]
pub struct SaveResultRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> SaveResultRef<'a> {
    
        /// Getter for the [`outcomes` field](SaveResult#structfield.outcomes).
        #[inline]
        pub fn outcomes(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<self::SaveOutcomeRef<'a>>>>> {
            
            
              
              self.0.access(0, "SaveResult", "outcomes")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for SaveResultRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("SaveResultRef");
        if let ::core::option::Option::Some(field_outcomes) = self.outcomes().transpose() {
                f.field("outcomes", &field_outcomes);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<SaveResultRef<'a>> for SaveResult {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: SaveResultRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            outcomes: 
                            if let ::core::option::Option::Some(outcomes) = value.outcomes()? {
                                ::core::option::Option::Some(outcomes.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for SaveResultRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for SaveResultRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[SaveResultRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<SaveResult>> for SaveResult {
    type Value = ::planus::Offset<SaveResult>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<SaveResult>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for SaveResultRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[SaveResultRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Part of the answer to `Query`.
/// 
/// Generated from these locations:
/// * Table `QueryChunk` in the file `schemas/cache.fbs:90`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct QueryChunk{
    
        /// The field `events` in the table `QueryChunk`
        pub events: ::core::option::Option<::planus::alloc::vec::Vec<self::Event>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for QueryChunk {
    fn default() -> Self {
        Self {
        events: ::core::default::Default::default(),
        
        }
    }
}


impl QueryChunk {
    /// Creates a [QueryChunkBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> QueryChunkBuilder<()> {
        QueryChunkBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_events: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Event>]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_events = field_events.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_events.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::Event>]>>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_events) = prepared_events {object_writer.write::<_, _, 4>(&prepared_events);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<QueryChunk>> for QueryChunk {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<QueryChunk> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<QueryChunk>> for QueryChunk {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<QueryChunk>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<QueryChunk> for QueryChunk {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<QueryChunk> {
        QueryChunk::create(
            builder,
        
            
            &self.events,
            
        
        )
    }
}

/// Builder for serializing an instance of the [QueryChunk] type.
///
/// Can be created using the [QueryChunk::builder] method.
#[derive(Debug)]
#[must_use]
pub struct QueryChunkBuilder<State>(State);

impl<
    
> QueryChunkBuilder
<
    (
    
    )
>
{
    /// Setter for the [`events` field](QueryChunk#structfield.events).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn events<T0>(self, value: T0) -> QueryChunkBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Event>]>>
    {
        QueryChunkBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`events` field](QueryChunk#structfield.events) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn events_as_null(self) -> QueryChunkBuilder<(
        
        (),
    )>
    {
        self.events(())
    }
    
}



impl<
    
        T0,
    
> QueryChunkBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [QueryChunk].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<QueryChunk>
        where Self: ::planus::WriteAsOffset<QueryChunk>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Event>]>>,
    
> ::planus::WriteAs<::planus::Offset<QueryChunk>> for QueryChunkBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<QueryChunk>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<QueryChunk> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Event>]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<QueryChunk>> for QueryChunkBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<QueryChunk>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<QueryChunk>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Event>]>>,
    
> ::planus::WriteAsOffset<QueryChunk> for QueryChunkBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<QueryChunk> {
        
        let (
            
                v0,
            
        ) = &self.0;QueryChunk::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [QueryChunk].
#[derive(Copy, Clone)]
pub struct QueryChunkRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> QueryChunkRef<'a> {
    
        /// Getter for the [`events` field](QueryChunk#structfield.events).
        #[inline]
        pub fn events(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<self::EventRef<'a>>>>> {
            
            
              
              self.0.access(0, "QueryChunk", "events")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for QueryChunkRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("QueryChunkRef");
        if let ::core::option::Option::Some(field_events) = self.events().transpose() {
                f.field("events", &field_events);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<QueryChunkRef<'a>> for QueryChunk {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: QueryChunkRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            events: 
                            if let ::core::option::Option::Some(events) = value.events()? {
                                ::core::option::Option::Some(events.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for QueryChunkRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for QueryChunkRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[QueryChunkRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<QueryChunk>> for QueryChunk {
    type Value = ::planus::Offset<QueryChunk>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<QueryChunk>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for QueryChunkRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[QueryChunkRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  End of the answer to `Query`.
/// 
/// Generated from these locations:
/// * Table `QueryDone` in the file `schemas/cache.fbs:95`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct QueryDone{
    
        ///  Events sent in all chunks.
        pub total: u64,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for QueryDone {
    fn default() -> Self {
        Self {
        total: 0,
        
        }
    }
}


impl QueryDone {
    /// Creates a [QueryDoneBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> QueryDoneBuilder<()> {
        QueryDoneBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_total: impl ::planus::WriteAsDefault<u64, u64>,
        
    ) -> ::planus::Offset<Self> {let prepared_total = field_total.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_total.is_some() {table_writer.write_entry::<u64>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_total) = prepared_total {object_writer.write::<_, _, 8>(&prepared_total);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<QueryDone>> for QueryDone {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<QueryDone> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<QueryDone>> for QueryDone {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<QueryDone>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<QueryDone> for QueryDone {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<QueryDone> {
        QueryDone::create(
            builder,
        
            
            self.total,
            
        
        )
    }
}

/// Builder for serializing an instance of the [QueryDone] type.
///
/// Can be created using the [QueryDone::builder] method.
#[derive(Debug)]
#[must_use]
pub struct QueryDoneBuilder<State>(State);

impl<
    
> QueryDoneBuilder
<
    (
    
    )
>
{
    /// Setter for the [`total` field](QueryDone#structfield.total).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn total<T0>(self, value: T0) -> QueryDoneBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        QueryDoneBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`total` field](QueryDone#structfield.total) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn total_as_default(self) -> QueryDoneBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.total(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
> QueryDoneBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [QueryDone].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<QueryDone>
        where Self: ::planus::WriteAsOffset<QueryDone>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAs<::planus::Offset<QueryDone>> for QueryDoneBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<QueryDone>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<QueryDone> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOptional<::planus::Offset<QueryDone>> for QueryDoneBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<QueryDone>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<QueryDone>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOffset<QueryDone> for QueryDoneBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<QueryDone> {
        
        let (
            
                v0,
            
        ) = &self.0;QueryDone::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [QueryDone].
#[derive(Copy, Clone)]
pub struct QueryDoneRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> QueryDoneRef<'a> {
    
        /// Getter for the [`total` field](QueryDone#structfield.total).
        #[inline]
        pub fn total(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "QueryDone", "total")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for QueryDoneRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("QueryDoneRef");
        f.field("total", &self.total());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<QueryDoneRef<'a>> for QueryDone {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: QueryDoneRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            total: ::core::convert::TryInto::try_into(value.total()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for QueryDoneRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for QueryDoneRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[QueryDoneRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<QueryDone>> for QueryDone {
    type Value = ::planus::Offset<QueryDone>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<QueryDone>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for QueryDoneRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[QueryDoneRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Answer to `Count`.
/// 
/// Generated from these locations:
/// * Table `CountResult` in the file `schemas/cache.fbs:101`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct CountResult{
    
        /// The field `count` in the table `CountResult`
        pub count: u64,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for CountResult {
    fn default() -> Self {
        Self {
        count: 0,
        
        }
    }
}


impl CountResult {
    /// Creates a [CountResultBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CountResultBuilder<()> {
        CountResultBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_count: impl ::planus::WriteAsDefault<u64, u64>,
        
    ) -> ::planus::Offset<Self> {let prepared_count = field_count.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_count.is_some() {table_writer.write_entry::<u64>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_count) = prepared_count {object_writer.write::<_, _, 8>(&prepared_count);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<CountResult>> for CountResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CountResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<CountResult>> for CountResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CountResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<CountResult> for CountResult {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CountResult> {
        CountResult::create(
            builder,
        
            
            self.count,
            
        
        )
    }
}

/// Builder for serializing an instance of the [CountResult] type.
///
/// Can be created using the [CountResult::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CountResultBuilder<State>(State);

impl<
    
> CountResultBuilder
<
    (
    
    )
>
{
    /// Setter for the [`count` field](CountResult#structfield.count).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn count<T0>(self, value: T0) -> CountResultBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        CountResultBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`count` field](CountResult#structfield.count) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn count_as_default(self) -> CountResultBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.count(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
> CountResultBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [CountResult].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<CountResult>
        where Self: ::planus::WriteAsOffset<CountResult>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAs<::planus::Offset<CountResult>> for CountResultBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<CountResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CountResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOptional<::planus::Offset<CountResult>> for CountResultBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<CountResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CountResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOffset<CountResult> for CountResultBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CountResult> {
        
        let (
            
                v0,
            
        ) = &self.0;CountResult::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [CountResult].
#[derive(Copy, Clone)]
pub struct CountResultRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> CountResultRef<'a> {
    
        /// Getter for the [`count` field](CountResult#structfield.count).
        #[inline]
        pub fn count(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "CountResult", "count")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for CountResultRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("CountResultRef");
        f.field("count", &self.count());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<CountResultRef<'a>> for CountResult {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: CountResultRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            count: ::core::convert::TryInto::try_into(value.count()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for CountResultRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for CountResultRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[CountResultRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<CountResult>> for CountResult {
    type Value = ::planus::Offset<CountResult>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<CountResult>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for CountResultRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[CountResultRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Answer to `GetEvent`.
/// 
/// Generated from these locations:
/// * Table `EventResult` in the file `schemas/cache.fbs:106`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct EventResult{
    
        ///  Absent: not stored.
        pub event: ::core::option::Option<::planus::alloc::boxed::Box<self::Event>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for EventResult {
    fn default() -> Self {
        Self {
        event: ::core::default::Default::default(),
        
        }
    }
}


impl EventResult {
    /// Creates a [EventResultBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> EventResultBuilder<()> {
        EventResultBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_event: impl ::planus::WriteAsOptional<::planus::Offset<self::Event>>,
        
    ) -> ::planus::Offset<Self> {let prepared_event = field_event.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_event.is_some() {table_writer.write_entry::<::planus::Offset<self::Event>>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_event) = prepared_event {object_writer.write::<_, _, 4>(&prepared_event);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<EventResult>> for EventResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<EventResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<EventResult>> for EventResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<EventResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<EventResult> for EventResult {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<EventResult> {
        EventResult::create(
            builder,
        
            
            &self.event,
            
        
        )
    }
}

/// Builder for serializing an instance of the [EventResult] type.
///
/// Can be created using the [EventResult::builder] method.
#[derive(Debug)]
#[must_use]
pub struct EventResultBuilder<State>(State);

impl<
    
> EventResultBuilder
<
    (
    
    )
>
{
    /// Setter for the [`event` field](EventResult#structfield.event).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn event<T0>(self, value: T0) -> EventResultBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<::planus::Offset<self::Event>>
    {
        EventResultBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`event` field](EventResult#structfield.event) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn event_as_null(self) -> EventResultBuilder<(
        
        (),
    )>
    {
        self.event(())
    }
    
}



impl<
    
        T0,
    
> EventResultBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [EventResult].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<EventResult>
        where Self: ::planus::WriteAsOffset<EventResult>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<self::Event>>,
    
> ::planus::WriteAs<::planus::Offset<EventResult>> for EventResultBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<EventResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<EventResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<self::Event>>,
    
> ::planus::WriteAsOptional<::planus::Offset<EventResult>> for EventResultBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<EventResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<EventResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<self::Event>>,
    
> ::planus::WriteAsOffset<EventResult> for EventResultBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<EventResult> {
        
        let (
            
                v0,
            
        ) = &self.0;EventResult::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [EventResult].
#[derive(Copy, Clone)]
pub struct EventResultRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> EventResultRef<'a> {
    
        /// Getter for the [`event` field](EventResult#structfield.event).
        #[inline]
        pub fn event(&self) -> ::planus::Result<::core::option::Option<self::EventRef<'a>>> {
            
            
              
              self.0.access(0, "EventResult", "event")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for EventResultRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("EventResultRef");
        if let ::core::option::Option::Some(field_event) = self.event().transpose() {
                f.field("event", &field_event);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<EventResultRef<'a>> for EventResult {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: EventResultRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            event: 
                                if let ::core::option::Option::Some(event) = value.event()? {
                                    ::core::option::Option::Some(::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(event)?))
                                } else {
                                    ::core::option::Option::None
                                }
                            ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for EventResultRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for EventResultRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[EventResultRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<EventResult>> for EventResult {
    type Value = ::planus::Offset<EventResult>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<EventResult>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for EventResultRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[EventResultRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Answer to `DeleteEvents`.
/// 
/// Generated from these locations:
/// * Table `DeleteResult` in the file `schemas/cache.fbs:112`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct DeleteResult{
    
        /// The field `deleted` in the table `DeleteResult`
        pub deleted: u64,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for DeleteResult {
    fn default() -> Self {
        Self {
        deleted: 0,
        
        }
    }
}


impl DeleteResult {
    /// Creates a [DeleteResultBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> DeleteResultBuilder<()> {
        DeleteResultBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_deleted: impl ::planus::WriteAsDefault<u64, u64>,
        
    ) -> ::planus::Offset<Self> {let prepared_deleted = field_deleted.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_deleted.is_some() {table_writer.write_entry::<u64>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_deleted) = prepared_deleted {object_writer.write::<_, _, 8>(&prepared_deleted);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<DeleteResult>> for DeleteResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<DeleteResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<DeleteResult>> for DeleteResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<DeleteResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<DeleteResult> for DeleteResult {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<DeleteResult> {
        DeleteResult::create(
            builder,
        
            
            self.deleted,
            
        
        )
    }
}

/// Builder for serializing an instance of the [DeleteResult] type.
///
/// Can be created using the [DeleteResult::builder] method.
#[derive(Debug)]
#[must_use]
pub struct DeleteResultBuilder<State>(State);

impl<
    
> DeleteResultBuilder
<
    (
    
    )
>
{
    /// Setter for the [`deleted` field](DeleteResult#structfield.deleted).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn deleted<T0>(self, value: T0) -> DeleteResultBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        DeleteResultBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`deleted` field](DeleteResult#structfield.deleted) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn deleted_as_default(self) -> DeleteResultBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.deleted(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
> DeleteResultBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [DeleteResult].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<DeleteResult>
        where Self: ::planus::WriteAsOffset<DeleteResult>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAs<::planus::Offset<DeleteResult>> for DeleteResultBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<DeleteResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<DeleteResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOptional<::planus::Offset<DeleteResult>> for DeleteResultBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<DeleteResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<DeleteResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
> ::planus::WriteAsOffset<DeleteResult> for DeleteResultBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<DeleteResult> {
        
        let (
            
                v0,
            
        ) = &self.0;DeleteResult::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [DeleteResult].
#[derive(Copy, Clone)]
pub struct DeleteResultRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> DeleteResultRef<'a> {
    
        /// Getter for the [`deleted` field](DeleteResult#structfield.deleted).
        #[inline]
        pub fn deleted(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "DeleteResult", "deleted")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for DeleteResultRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("DeleteResultRef");
        f.field("deleted", &self.deleted());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<DeleteResultRef<'a>> for DeleteResult {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: DeleteResultRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            deleted: ::core::convert::TryInto::try_into(value.deleted()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for DeleteResultRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for DeleteResultRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[DeleteResultRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<DeleteResult>> for DeleteResult {
    type Value = ::planus::Offset<DeleteResult>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<DeleteResult>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for DeleteResultRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[DeleteResultRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Answer to `GetRelayList`.
/// 
/// Generated from these locations:
/// * Table `RelayListResult` in the file `schemas/cache.fbs:117`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct RelayListResult{
    
        ///  Relays the user reads from (no marker or "read").
        pub read: ::core::option::Option<::planus::alloc::vec::Vec<::planus::alloc::string::String>>,
        ///  Relays the user writes to (no marker or "write").
        pub write: ::core::option::Option<::planus::alloc::vec::Vec<::planus::alloc::string::String>>,
        ///  `created_at` of the relay list event; absent when none is stored.
        pub created_at: ::core::option::Option<u64>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for RelayListResult {
    fn default() -> Self {
        Self {
        read: ::core::default::Default::default(),
        write: ::core::default::Default::default(),
        created_at: ::core::default::Default::default(),
        
        }
    }
}


impl RelayListResult {
    /// Creates a [RelayListResultBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> RelayListResultBuilder<()> {
        RelayListResultBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_read: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
        field_write: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
        field_created_at: impl ::planus::WriteAsOptional<u64>,
        
    ) -> ::planus::Offset<Self> {let prepared_read = field_read.prepare(builder);let prepared_write = field_write.prepare(builder);let prepared_created_at = field_created_at.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        if prepared_created_at.is_some() {table_writer.write_entry::<u64>(2);}if prepared_read.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<str>]>>(0);}if prepared_write.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<str>]>>(1);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_created_at) = prepared_created_at {object_writer.write::<_, _, 8>(&prepared_created_at);}if let ::core::option::Option::Some(prepared_read) = prepared_read {object_writer.write::<_, _, 4>(&prepared_read);}if let ::core::option::Option::Some(prepared_write) = prepared_write {object_writer.write::<_, _, 4>(&prepared_write);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<RelayListResult>> for RelayListResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<RelayListResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<RelayListResult>> for RelayListResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<RelayListResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<RelayListResult> for RelayListResult {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<RelayListResult> {
        RelayListResult::create(
            builder,
        
            
            &self.read,
            
        
            
            &self.write,
            
        
            
            self.created_at,
            
        
        )
    }
}

/// Builder for serializing an instance of the [RelayListResult] type.
///
/// Can be created using the [RelayListResult::builder] method.
#[derive(Debug)]
#[must_use]
pub struct RelayListResultBuilder<State>(State);

impl<
    
> RelayListResultBuilder
<
    (
    
    )
>
{
    /// Setter for the [`read` field](RelayListResult#structfield.read).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn read<T0>(self, value: T0) -> RelayListResultBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>
    {
        RelayListResultBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`read` field](RelayListResult#structfield.read) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn read_as_null(self) -> RelayListResultBuilder<(
        
        (),
    )>
    {
        self.read(())
    }
    
}

impl<
    
        T0,
    
> RelayListResultBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`write` field](RelayListResult#structfield.write).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn write<T1>(self, value: T1) -> RelayListResultBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>
    {
        
        let (
            
                v0,
            
        ) = self.0;RelayListResultBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`write` field](RelayListResult#structfield.write) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn write_as_null(self) -> RelayListResultBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.write(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
> RelayListResultBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`created_at` field](RelayListResult#structfield.created_at).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn created_at<T2>(self, value: T2) -> RelayListResultBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsOptional<u64>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;RelayListResultBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
    /// Sets the [`created_at` field](RelayListResult#structfield.created_at) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn created_at_as_null(self) -> RelayListResultBuilder<(
        
            T0,
        
            T1,
        
        (),
    )>
    {
        self.created_at(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> RelayListResultBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [RelayListResult].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<RelayListResult>
        where Self: ::planus::WriteAsOffset<RelayListResult>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
        T2: ::planus::WriteAsOptional<u64>,
    
> ::planus::WriteAs<::planus::Offset<RelayListResult>> for RelayListResultBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<RelayListResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<RelayListResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
        T2: ::planus::WriteAsOptional<u64>,
    
> ::planus::WriteAsOptional<::planus::Offset<RelayListResult>> for RelayListResultBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<RelayListResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<RelayListResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
        T2: ::planus::WriteAsOptional<u64>,
    
> ::planus::WriteAsOffset<RelayListResult> for RelayListResultBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<RelayListResult> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;RelayListResult::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [RelayListResult].
#[derive(Copy, Clone)]
pub struct RelayListResultRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> RelayListResultRef<'a> {
    
        /// Getter for the [`read` field](RelayListResult#structfield.read).
        #[inline]
        pub fn read(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<&'a ::core::primitive::str>>>> {
            
            
              
              self.0.access(0, "RelayListResult", "read")
              
            
            
            
        }
    
        /// Getter for the [`write` field](RelayListResult#structfield.write).
        #[inline]
        pub fn write(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<&'a ::core::primitive::str>>>> {
            
            
              
              self.0.access(1, "RelayListResult", "write")
              
            
            
            
        }
    
        /// Getter for the [`created_at` field](RelayListResult#structfield.created_at).
        #[inline]
        pub fn created_at(&self) -> ::planus::Result<::core::option::Option<u64>> {
            
            
              
              self.0.access(2, "RelayListResult", "created_at")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for RelayListResultRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("RelayListResultRef");
        if let ::core::option::Option::Some(field_read) = self.read().transpose() {
                f.field("read", &field_read);
            }if let ::core::option::Option::Some(field_write) = self.write().transpose() {
                f.field("write", &field_write);
            }if let ::core::option::Option::Some(field_created_at) = self.created_at().transpose() {
                f.field("created_at", &field_created_at);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<RelayListResultRef<'a>> for RelayListResult {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: RelayListResultRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            read: 
                            if let ::core::option::Option::Some(read) = value.read()? {
                                ::core::option::Option::Some(read.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,write: 
                            if let ::core::option::Option::Some(write) = value.write()? {
                                ::core::option::Option::Some(write.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,created_at: 
                    if let ::core::option::Option::Some(created_at) = value.created_at()? {
                        ::core::option::Option::Some(::core::convert::TryInto::try_into(created_at)?)
                    } else {
                        ::core::option::Option::None
                    }
                ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for RelayListResultRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for RelayListResultRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[RelayListResultRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<RelayListResult>> for RelayListResult {
    type Value = ::planus::Offset<RelayListResult>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<RelayListResult>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for RelayListResultRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[RelayListResultRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Answer to `Wipe`.
/// 
/// Generated from these locations:
/// * Table `WipeResult` in the file `schemas/cache.fbs:127`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct WipeResult{
    }


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for WipeResult {
    fn default() -> Self {
        Self {
        
        }
    }
}


impl WipeResult {
    /// Creates a [WipeResultBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> WipeResultBuilder<()> {
        WipeResultBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        
    ) -> ::planus::Offset<Self> {

        let table_writer: ::planus::table_writer::TableWriter::<4> = ::core::default::Default::default();
        unsafe {
            table_writer.finish(builder, |_table_writer| {});
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<WipeResult>> for WipeResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<WipeResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<WipeResult>> for WipeResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<WipeResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<WipeResult> for WipeResult {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<WipeResult> {
        WipeResult::create(
            builder,
        
        )
    }
}

/// Builder for serializing an instance of the [WipeResult] type.
///
/// Can be created using the [WipeResult::builder] method.
#[derive(Debug)]
#[must_use]
pub struct WipeResultBuilder<State>(State);



impl<
    
> WipeResultBuilder<(
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [WipeResult].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<WipeResult>
        where Self: ::planus::WriteAsOffset<WipeResult>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
> ::planus::WriteAs<::planus::Offset<WipeResult>> for WipeResultBuilder<(
    
)> {
    type Prepared = ::planus::Offset<WipeResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<WipeResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
> ::planus::WriteAsOptional<::planus::Offset<WipeResult>> for WipeResultBuilder<(
    
)> {
    type Prepared = ::planus::Offset<WipeResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<WipeResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
> ::planus::WriteAsOffset<WipeResult> for WipeResultBuilder<(
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<WipeResult> {
        WipeResult::create(
            builder,
            
        )
    }
}

/// Reference to a deserialized [WipeResult].
#[derive(Copy, Clone)]
pub struct WipeResultRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> WipeResultRef<'a> {
    
}

impl<'a> ::core::fmt::Debug for WipeResultRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("WipeResultRef");
        
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<WipeResultRef<'a>> for WipeResult {
    type Error = ::planus::Error;


    fn try_from(_value: WipeResultRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            
        })
    }
}

impl<'a> ::planus::TableRead<'a> for WipeResultRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for WipeResultRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[WipeResultRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<WipeResult>> for WipeResult {
    type Value = ::planus::Offset<WipeResult>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<WipeResult>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for WipeResultRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[WipeResultRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Why a cache request failed.
/// 
/// Generated from these locations:
/// * Enum `CacheErrorCode` in the file `schemas/cache.fbs:131`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u16)]pub enum CacheErrorCode {
    
        ///  A bug or an unexpected state in the worker.
        Internal = 0,
    
        ///  The storage backend failed (I/O, SQLite, IndexedDB).
        Storage = 1,
    
        ///  A filter cannot be served (e.g. NIP-50 `search`).
        UnsupportedFilter = 2,
    
        ///  The request was malformed.
        InvalidInput = 3,
    
        ///  The worker is shutting down.
        Shutdown = 4,
    
}

impl CacheErrorCode {
    /// Array containing all valid variants of CacheErrorCode
    pub const ENUM_VALUES: [Self; 5] = [Self::Internal,Self::Storage,Self::UnsupportedFilter,Self::InvalidInput,Self::Shutdown,];
}

impl ::core::convert::TryFrom<u16> for CacheErrorCode {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u16) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(CacheErrorCode::Internal),
            1 => ::core::result::Result::Ok(CacheErrorCode::Storage),
            2 => ::core::result::Result::Ok(CacheErrorCode::UnsupportedFilter),
            3 => ::core::result::Result::Ok(CacheErrorCode::InvalidInput),
            4 => ::core::result::Result::Ok(CacheErrorCode::Shutdown),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<CacheErrorCode> for u16 {
    #[inline]
    fn from(value: CacheErrorCode) -> Self {
        value as u16
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for CacheErrorCode {
    const ALIGNMENT: usize = 2;
    const SIZE: usize = 2;
}

impl ::planus::WriteAsPrimitive<CacheErrorCode> for CacheErrorCode {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u16).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<CacheErrorCode> for CacheErrorCode {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> CacheErrorCode {
        *self
    }
}

impl ::planus::WriteAsDefault<CacheErrorCode, CacheErrorCode> for CacheErrorCode {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &CacheErrorCode) -> ::core::option::Option<CacheErrorCode> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<CacheErrorCode> for CacheErrorCode {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<CacheErrorCode> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for CacheErrorCode {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u16 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for CacheErrorCode {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 2;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { <u16 as ::planus::VectorRead>::from_buffer(buffer, offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "CacheErrorCode",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<CacheErrorCode> for CacheErrorCode {
    const STRIDE: usize = 2;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 2];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - (2 * i) as u32,
                
            );
        }
    }
}

    
///  A failed cache request.
/// 
/// Generated from these locations:
/// * Table `CacheError` in the file `schemas/cache.fbs:145`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct CacheError{
    
        /// The field `code` in the table `CacheError`
        pub code: self::CacheErrorCode,
        /// The field `message` in the table `CacheError`
        pub message: ::core::option::Option<::planus::alloc::string::String>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for CacheError {
    fn default() -> Self {
        Self {
        code: self::CacheErrorCode::Internal,
        message: ::core::default::Default::default(),
        
        }
    }
}


impl CacheError {
    /// Creates a [CacheErrorBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CacheErrorBuilder<()> {
        CacheErrorBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_code: impl ::planus::WriteAsDefault<self::CacheErrorCode, self::CacheErrorCode>,
        field_message: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_code = field_code.prepare(builder, &self::CacheErrorCode::Internal);let prepared_message = field_message.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        if prepared_message.is_some() {table_writer.write_entry::<::planus::Offset<str>>(1);}if prepared_code.is_some() {table_writer.write_entry::<self::CacheErrorCode>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_message) = prepared_message {object_writer.write::<_, _, 4>(&prepared_message);}if let ::core::option::Option::Some(prepared_code) = prepared_code {object_writer.write::<_, _, 2>(&prepared_code);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<CacheError>> for CacheError {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CacheError> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<CacheError>> for CacheError {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CacheError>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<CacheError> for CacheError {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CacheError> {
        CacheError::create(
            builder,
        
            
            self.code,
            
        
            
            &self.message,
            
        
        )
    }
}

/// Builder for serializing an instance of the [CacheError] type.
///
/// Can be created using the [CacheError::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CacheErrorBuilder<State>(State);

impl<
    
> CacheErrorBuilder
<
    (
    
    )
>
{
    /// Setter for the [`code` field](CacheError#structfield.code).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn code<T0>(self, value: T0) -> CacheErrorBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<self::CacheErrorCode, self::CacheErrorCode>
    {
        CacheErrorBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`code` field](CacheError#structfield.code) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn code_as_default(self) -> CacheErrorBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.code(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> CacheErrorBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`message` field](CacheError#structfield.message).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn message<T1>(self, value: T1) -> CacheErrorBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;CacheErrorBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`message` field](CacheError#structfield.message) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn message_as_null(self) -> CacheErrorBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.message(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
> CacheErrorBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [CacheError].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<CacheError>
        where Self: ::planus::WriteAsOffset<CacheError>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::CacheErrorCode, self::CacheErrorCode>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAs<::planus::Offset<CacheError>> for CacheErrorBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<CacheError>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CacheError> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::CacheErrorCode, self::CacheErrorCode>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<CacheError>> for CacheErrorBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<CacheError>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CacheError>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::CacheErrorCode, self::CacheErrorCode>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOffset<CacheError> for CacheErrorBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CacheError> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;CacheError::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [CacheError].
#[derive(Copy, Clone)]
pub struct CacheErrorRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> CacheErrorRef<'a> {
    
        /// Getter for the [`code` field](CacheError#structfield.code).
        #[inline]
        pub fn code(&self) -> ::planus::Result<self::CacheErrorCode> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "CacheError", "code")
              
            
            ?.unwrap_or(self::CacheErrorCode::Internal))
            
        }
    
        /// Getter for the [`message` field](CacheError#structfield.message).
        #[inline]
        pub fn message(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(1, "CacheError", "message")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for CacheErrorRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("CacheErrorRef");
        f.field("code", &self.code());if let ::core::option::Option::Some(field_message) = self.message().transpose() {
                f.field("message", &field_message);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<CacheErrorRef<'a>> for CacheError {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: CacheErrorRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            code: ::core::convert::TryInto::try_into(value.code()?)?,message: 
                                value.message()?.map(::core::convert::Into::into)
                            ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for CacheErrorRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for CacheErrorRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[CacheErrorRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<CacheError>> for CacheError {
    type Value = ::planus::Offset<CacheError>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<CacheError>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for CacheErrorRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[CacheErrorRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Every answer of the cache worker.
/// 
/// Generated from these locations:
/// * Union `CacheResponseBody` in the file `schemas/cache.fbs:151`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize)]
pub enum CacheResponseBody{
    
        /// The variant of type `SaveResult` in the union `CacheResponseBody`
        SaveResult(::planus::alloc::boxed::Box<self::SaveResult>),
    
        /// The variant of type `QueryChunk` in the union `CacheResponseBody`
        QueryChunk(::planus::alloc::boxed::Box<self::QueryChunk>),
    
        /// The variant of type `QueryDone` in the union `CacheResponseBody`
        QueryDone(::planus::alloc::boxed::Box<self::QueryDone>),
    
        /// The variant of type `CountResult` in the union `CacheResponseBody`
        CountResult(::planus::alloc::boxed::Box<self::CountResult>),
    
        /// The variant of type `EventResult` in the union `CacheResponseBody`
        EventResult(::planus::alloc::boxed::Box<self::EventResult>),
    
        /// The variant of type `DeleteResult` in the union `CacheResponseBody`
        DeleteResult(::planus::alloc::boxed::Box<self::DeleteResult>),
    
        /// The variant of type `RelayListResult` in the union `CacheResponseBody`
        RelayListResult(::planus::alloc::boxed::Box<self::RelayListResult>),
    
        /// The variant of type `WipeResult` in the union `CacheResponseBody`
        WipeResult(::planus::alloc::boxed::Box<self::WipeResult>),
    
        /// The variant of type `CacheError` in the union `CacheResponseBody`
        CacheError(::planus::alloc::boxed::Box<self::CacheError>),
    
}


impl CacheResponseBody {
    /// Creates a [CacheResponseBodyBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CacheResponseBodyBuilder<::planus::Uninitialized> {
        CacheResponseBodyBuilder(::planus::Uninitialized)
    }

    #[inline]
    pub fn create_save_result(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::SaveResult>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(1, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_query_chunk(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::QueryChunk>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(2, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_query_done(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::QueryDone>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(3, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_count_result(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::CountResult>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(4, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_event_result(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::EventResult>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(5, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_delete_result(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::DeleteResult>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(6, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_relay_list_result(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::RelayListResult>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(7, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_wipe_result(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::WipeResult>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(8, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_cache_error(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::CacheError>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(9, value.prepare(builder).downcast())
    }

    
}



impl ::planus::WriteAsUnion<CacheResponseBody> for CacheResponseBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Self> {
        match self {
            Self::SaveResult(value) => Self::create_save_result(builder, value),
            Self::QueryChunk(value) => Self::create_query_chunk(builder, value),
            Self::QueryDone(value) => Self::create_query_done(builder, value),
            Self::CountResult(value) => Self::create_count_result(builder, value),
            Self::EventResult(value) => Self::create_event_result(builder, value),
            Self::DeleteResult(value) => Self::create_delete_result(builder, value),
            Self::RelayListResult(value) => Self::create_relay_list_result(builder, value),
            Self::WipeResult(value) => Self::create_wipe_result(builder, value),
            Self::CacheError(value) => Self::create_cache_error(builder, value),
            
        }
    }
}


impl ::planus::WriteAsOptionalUnion<CacheResponseBody> for CacheResponseBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Self>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}

/// Builder for serializing an instance of the [CacheResponseBody] type.
///
/// Can be created using the [CacheResponseBody::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CacheResponseBodyBuilder<T>(T);

impl CacheResponseBodyBuilder<::planus::Uninitialized> {
    /// Creates an instance of the [`SaveResult` variant](CacheResponseBody#variant.SaveResult).
    #[inline]
    pub fn save_result<T>(
        self,
        value: T,
    ) -> CacheResponseBodyBuilder<::planus::Initialized<1, T>>
        where T: ::planus::WriteAsOffset<self::SaveResult> {
        CacheResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`QueryChunk` variant](CacheResponseBody#variant.QueryChunk).
    #[inline]
    pub fn query_chunk<T>(
        self,
        value: T,
    ) -> CacheResponseBodyBuilder<::planus::Initialized<2, T>>
        where T: ::planus::WriteAsOffset<self::QueryChunk> {
        CacheResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`QueryDone` variant](CacheResponseBody#variant.QueryDone).
    #[inline]
    pub fn query_done<T>(
        self,
        value: T,
    ) -> CacheResponseBodyBuilder<::planus::Initialized<3, T>>
        where T: ::planus::WriteAsOffset<self::QueryDone> {
        CacheResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`CountResult` variant](CacheResponseBody#variant.CountResult).
    #[inline]
    pub fn count_result<T>(
        self,
        value: T,
    ) -> CacheResponseBodyBuilder<::planus::Initialized<4, T>>
        where T: ::planus::WriteAsOffset<self::CountResult> {
        CacheResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`EventResult` variant](CacheResponseBody#variant.EventResult).
    #[inline]
    pub fn event_result<T>(
        self,
        value: T,
    ) -> CacheResponseBodyBuilder<::planus::Initialized<5, T>>
        where T: ::planus::WriteAsOffset<self::EventResult> {
        CacheResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`DeleteResult` variant](CacheResponseBody#variant.DeleteResult).
    #[inline]
    pub fn delete_result<T>(
        self,
        value: T,
    ) -> CacheResponseBodyBuilder<::planus::Initialized<6, T>>
        where T: ::planus::WriteAsOffset<self::DeleteResult> {
        CacheResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`RelayListResult` variant](CacheResponseBody#variant.RelayListResult).
    #[inline]
    pub fn relay_list_result<T>(
        self,
        value: T,
    ) -> CacheResponseBodyBuilder<::planus::Initialized<7, T>>
        where T: ::planus::WriteAsOffset<self::RelayListResult> {
        CacheResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`WipeResult` variant](CacheResponseBody#variant.WipeResult).
    #[inline]
    pub fn wipe_result<T>(
        self,
        value: T,
    ) -> CacheResponseBodyBuilder<::planus::Initialized<8, T>>
        where T: ::planus::WriteAsOffset<self::WipeResult> {
        CacheResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`CacheError` variant](CacheResponseBody#variant.CacheError).
    #[inline]
    pub fn cache_error<T>(
        self,
        value: T,
    ) -> CacheResponseBodyBuilder<::planus::Initialized<9, T>>
        where T: ::planus::WriteAsOffset<self::CacheError> {
        CacheResponseBodyBuilder(::planus::Initialized(value))
    }

    
}

impl<const N: u8, T> CacheResponseBodyBuilder<::planus::Initialized<N, T>> {
    /// Finish writing the builder to get an [UnionOffset](::planus::UnionOffset) to a serialized [CacheResponseBody].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheResponseBody>
        where Self: ::planus::WriteAsUnion<CacheResponseBody>
    {
        ::planus::WriteAsUnion::prepare(&self, builder)
    }
}

impl<T> ::planus::WriteAsUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::SaveResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheResponseBody> {
        ::planus::UnionOffset::new(1, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::SaveResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CacheResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::QueryChunk>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheResponseBody> {
        ::planus::UnionOffset::new(2, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::QueryChunk>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CacheResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::QueryDone>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheResponseBody> {
        ::planus::UnionOffset::new(3, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::QueryDone>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CacheResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::CountResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheResponseBody> {
        ::planus::UnionOffset::new(4, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::CountResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CacheResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::EventResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheResponseBody> {
        ::planus::UnionOffset::new(5, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::EventResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CacheResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::DeleteResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheResponseBody> {
        ::planus::UnionOffset::new(6, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::DeleteResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CacheResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<7, T>>
    where T: ::planus::WriteAsOffset<self::RelayListResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheResponseBody> {
        ::planus::UnionOffset::new(7, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<7, T>>
    where T: ::planus::WriteAsOffset<self::RelayListResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CacheResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<8, T>>
    where T: ::planus::WriteAsOffset<self::WipeResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheResponseBody> {
        ::planus::UnionOffset::new(8, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<8, T>>
    where T: ::planus::WriteAsOffset<self::WipeResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CacheResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<9, T>>
    where T: ::planus::WriteAsOffset<self::CacheError>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CacheResponseBody> {
        ::planus::UnionOffset::new(9, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CacheResponseBody> for CacheResponseBodyBuilder<::planus::Initialized<9, T>>
    where T: ::planus::WriteAsOffset<self::CacheError>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CacheResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}


/// Reference to a deserialized [CacheResponseBody].
#[derive(Copy, Clone, Debug)]
pub enum CacheResponseBodyRef<'a>{
    SaveResult(self::SaveResultRef<'a>),
    QueryChunk(self::QueryChunkRef<'a>),
    QueryDone(self::QueryDoneRef<'a>),
    CountResult(self::CountResultRef<'a>),
    EventResult(self::EventResultRef<'a>),
    DeleteResult(self::DeleteResultRef<'a>),
    RelayListResult(self::RelayListResultRef<'a>),
    WipeResult(self::WipeResultRef<'a>),
    CacheError(self::CacheErrorRef<'a>),
    
}


impl<'a> ::core::convert::TryFrom<CacheResponseBodyRef<'a>> for CacheResponseBody {
    type Error = ::planus::Error;

    fn try_from(value: CacheResponseBodyRef<'a>) -> ::planus::Result<Self> {
        ::core::result::Result::Ok(match value {
            
                CacheResponseBodyRef::SaveResult(value) => Self::SaveResult(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CacheResponseBodyRef::QueryChunk(value) => Self::QueryChunk(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CacheResponseBodyRef::QueryDone(value) => Self::QueryDone(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CacheResponseBodyRef::CountResult(value) => Self::CountResult(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CacheResponseBodyRef::EventResult(value) => Self::EventResult(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CacheResponseBodyRef::DeleteResult(value) => Self::DeleteResult(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CacheResponseBodyRef::RelayListResult(value) => Self::RelayListResult(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CacheResponseBodyRef::WipeResult(value) => Self::WipeResult(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CacheResponseBodyRef::CacheError(value) => Self::CacheError(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
        })
    }
}



impl<'a> ::planus::TableReadUnion<'a> for CacheResponseBodyRef<'a> {
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, tag: u8, field_offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        match tag {
            1 => ::core::result::Result::Ok(Self::SaveResult(::planus::TableRead::from_buffer(buffer, field_offset)?)),2 => ::core::result::Result::Ok(Self::QueryChunk(::planus::TableRead::from_buffer(buffer, field_offset)?)),3 => ::core::result::Result::Ok(Self::QueryDone(::planus::TableRead::from_buffer(buffer, field_offset)?)),4 => ::core::result::Result::Ok(Self::CountResult(::planus::TableRead::from_buffer(buffer, field_offset)?)),5 => ::core::result::Result::Ok(Self::EventResult(::planus::TableRead::from_buffer(buffer, field_offset)?)),6 => ::core::result::Result::Ok(Self::DeleteResult(::planus::TableRead::from_buffer(buffer, field_offset)?)),7 => ::core::result::Result::Ok(Self::RelayListResult(::planus::TableRead::from_buffer(buffer, field_offset)?)),8 => ::core::result::Result::Ok(Self::WipeResult(::planus::TableRead::from_buffer(buffer, field_offset)?)),9 => ::core::result::Result::Ok(Self::CacheError(::planus::TableRead::from_buffer(buffer, field_offset)?)),_ => ::core::result::Result::Err(::planus::errors::ErrorKind::UnknownUnionTag { tag }),
        }
    }
}



impl<'a> ::planus::VectorReadUnion<'a> for CacheResponseBodyRef<'a> {
    const VECTOR_NAME: &'static str = "[CacheResponseBodyRef]";
}


    
///  Root message: an answer from the cache worker.
/// 
/// Generated from these locations:
/// * Table `CacheResponse` in the file `schemas/cache.fbs:164`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct CacheResponse{
    
        /// The field `request_id` in the table `CacheResponse`
        pub request_id: u64,
        /// The field `body` in the table `CacheResponse`
        pub body: self::CacheResponseBody,}



impl CacheResponse {
    /// Creates a [CacheResponseBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CacheResponseBuilder<()> {
        CacheResponseBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_request_id: impl ::planus::WriteAsDefault<u64, u64>,
        field_body: impl ::planus::WriteAsUnion<self::CacheResponseBody>,
        
    ) -> ::planus::Offset<Self> {let prepared_request_id = field_request_id.prepare(builder, &0);let prepared_body = field_body.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        if prepared_request_id.is_some() {table_writer.write_entry::<u64>(0);}table_writer.write_entry::<::planus::Offset<self::CacheResponseBody>>(2);table_writer.write_entry::<u8>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_request_id) = prepared_request_id {object_writer.write::<_, _, 8>(&prepared_request_id);}object_writer.write::<_, _, 4>(&prepared_body.offset());object_writer.write::<_, _, 1>(&prepared_body.tag());
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<CacheResponse>> for CacheResponse {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CacheResponse> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<CacheResponse>> for CacheResponse {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CacheResponse>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<CacheResponse> for CacheResponse {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CacheResponse> {
        CacheResponse::create(
            builder,
        
            
            self.request_id,
            
        
            
            &self.body,
            
        
        )
    }
}

/// Builder for serializing an instance of the [CacheResponse] type.
///
/// Can be created using the [CacheResponse::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CacheResponseBuilder<State>(State);

impl<
    
> CacheResponseBuilder
<
    (
    
    )
>
{
    /// Setter for the [`request_id` field](CacheResponse#structfield.request_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id<T0>(self, value: T0) -> CacheResponseBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        CacheResponseBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`request_id` field](CacheResponse#structfield.request_id) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id_as_default(self) -> CacheResponseBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.request_id(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> CacheResponseBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`body` field](CacheResponse#structfield.body).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn body<T1>(self, value: T1) -> CacheResponseBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsUnion<self::CacheResponseBody>
    {
        
        let (
            
                v0,
            
        ) = self.0;CacheResponseBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> CacheResponseBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [CacheResponse].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<CacheResponse>
        where Self: ::planus::WriteAsOffset<CacheResponse>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::CacheResponseBody>,
    
> ::planus::WriteAs<::planus::Offset<CacheResponse>> for CacheResponseBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<CacheResponse>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CacheResponse> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::CacheResponseBody>,
    
> ::planus::WriteAsOptional<::planus::Offset<CacheResponse>> for CacheResponseBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<CacheResponse>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CacheResponse>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::CacheResponseBody>,
    
> ::planus::WriteAsOffset<CacheResponse> for CacheResponseBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CacheResponse> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;CacheResponse::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [CacheResponse].
#[derive(Copy, Clone)]
pub struct CacheResponseRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> CacheResponseRef<'a> {
    
        /// Getter for the [`request_id` field](CacheResponse#structfield.request_id).
        #[inline]
        pub fn request_id(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "CacheResponse", "request_id")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`body` field](CacheResponse#structfield.body).
        #[inline]
        pub fn body(&self) -> ::planus::Result<self::CacheResponseBodyRef<'a>> {
            
            
              
              self.0.access_union_required(1, "CacheResponse", "body")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for CacheResponseRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("CacheResponseRef");
        f.field("request_id", &self.request_id());f.field("body", &self.body());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<CacheResponseRef<'a>> for CacheResponse {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: CacheResponseRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            request_id: ::core::convert::TryInto::try_into(value.request_id()?)?,body: ::core::convert::TryInto::try_into(value.body()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for CacheResponseRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for CacheResponseRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[CacheResponseRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<CacheResponse>> for CacheResponse {
    type Value = ::planus::Offset<CacheResponse>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<CacheResponse>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for CacheResponseRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[CacheResponseRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  32 bytes: event ids, x-only public keys, secp256k1 scalars.
/// 
/// Generated from these locations:
/// * Struct `Bytes32` in the file `schemas/common.fbs:17`
#[derive(Copy, Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
Default, 
::serde::Serialize, ::serde::Deserialize
)]
pub struct Bytes32 {
    
        /// The field `w0` in the struct `Bytes32`
        pub w0: u64,
    
        /// The field `w1` in the struct `Bytes32`
        pub w1: u64,
    
        /// The field `w2` in the struct `Bytes32`
        pub w2: u64,
    
        /// The field `w3` in the struct `Bytes32`
        pub w3: u64,
    
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for Bytes32 {
    const ALIGNMENT: usize = 8;
    const SIZE: usize = 32;
}

#[allow(clippy::identity_op)]
impl ::planus::WriteAsPrimitive<Bytes32> for Bytes32 {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        let (cur, cursor) = cursor.split::<8 , 24>();
            self.w0.write(cur, buffer_position - 0);let (cur, cursor) = cursor.split::<8 , 16>();
            self.w1.write(cur, buffer_position - 8);let (cur, cursor) = cursor.split::<8 , 8>();
            self.w2.write(cur, buffer_position - 16);let (cur, cursor) = cursor.split::<8 , 0>();
            self.w3.write(cur, buffer_position - 24);
        cursor.finish([]);
    }
}

impl ::planus::WriteAsOffset<Bytes32> for Bytes32 {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Bytes32> {
        unsafe {
            builder.write_with(
                32,
                7,
                |buffer_position, bytes| {
                    let bytes = bytes.as_mut_ptr();

                    ::planus::WriteAsPrimitive::write(
                        self,
                        ::planus::Cursor::new(&mut *(bytes as *mut [::core::mem::MaybeUninit<u8>; 32])),
                        buffer_position,
                    );
                }
            );
        }
        builder.current_offset()
    }
}

impl ::planus::WriteAs<Bytes32> for Bytes32 {
    type Prepared = Self;
    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }
}

impl ::planus::WriteAsOptional<Bytes32> for Bytes32 {
    type Prepared = Self;
    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<Self> {
        ::core::option::Option::Some(*self)
    }
}

/// Reference to a deserialized [Bytes32].
#[derive(Copy, Clone)]
pub struct Bytes32Ref<'a>(::planus::ArrayWithStartOffset<'a, 32>);

impl<'a> Bytes32Ref<'a> {
    
        /// Getter for the [`w0` field](Bytes32#structfield.w0).
        pub fn w0(&self) -> u64 {
            let buffer = self.0.advance_as_array::<8>(0).unwrap();
            
            u64::from_le_bytes(*buffer.as_array())
            
        }
    
        /// Getter for the [`w1` field](Bytes32#structfield.w1).
        pub fn w1(&self) -> u64 {
            let buffer = self.0.advance_as_array::<8>(8).unwrap();
            
            u64::from_le_bytes(*buffer.as_array())
            
        }
    
        /// Getter for the [`w2` field](Bytes32#structfield.w2).
        pub fn w2(&self) -> u64 {
            let buffer = self.0.advance_as_array::<8>(16).unwrap();
            
            u64::from_le_bytes(*buffer.as_array())
            
        }
    
        /// Getter for the [`w3` field](Bytes32#structfield.w3).
        pub fn w3(&self) -> u64 {
            let buffer = self.0.advance_as_array::<8>(24).unwrap();
            
            u64::from_le_bytes(*buffer.as_array())
            
        }
    
}

impl<'a> ::core::fmt::Debug for Bytes32Ref<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("Bytes32Ref");
        f.field("w0", &self.w0());f.field("w1", &self.w1());f.field("w2", &self.w2());f.field("w3", &self.w3());
        f.finish()
    }
}

impl<'a> ::core::convert::From<::planus::ArrayWithStartOffset<'a, 32>> for Bytes32Ref<'a> {
    fn from(array: ::planus::ArrayWithStartOffset<'a, 32>) -> Self {
        Self(array)
    }
}

impl<'a> ::core::convert::From<Bytes32Ref<'a>> for Bytes32 {
    #[allow(unreachable_code)]
    fn from(value: Bytes32Ref<'a>) -> Self {
        Self {
        w0:
            value.w0(),
            w1:
            value.w1(),
            w2:
            value.w2(),
            w3:
            value.w3(),
            
        }
    }
}

impl<'a, 'b> ::core::cmp::PartialEq<Bytes32Ref<'a>> for Bytes32Ref<'b> {
    fn eq(&self, other: &Bytes32Ref<'_>) -> bool {
        
            self.w0() == other.w0() && 
            self.w1() == other.w1() && 
            self.w2() == other.w2() && 
            self.w3() == other.w3()
    }
}

    impl<'a> ::core::cmp::Eq for Bytes32Ref<'a> {}
    impl<'a, 'b> ::core::cmp::PartialOrd<Bytes32Ref<'a>> for Bytes32Ref<'b> {
        fn partial_cmp(&self, other: &Bytes32Ref<'_>) -> ::core::option::Option<::core::cmp::Ordering> {
            ::core::option::Option::Some(::core::cmp::Ord::cmp(self, other))
        }
    }

    impl<'a> ::core::cmp::Ord for Bytes32Ref<'a> {
        fn cmp(&self, other: &Bytes32Ref<'_>) -> ::core::cmp::Ordering {
            
                self.w0().cmp(&other.w0())
                
                .then_with(|| self.w1().cmp(&other.w1()))
                
                .then_with(|| self.w2().cmp(&other.w2()))
                
                .then_with(|| self.w3().cmp(&other.w3()))
                
        }
    }

    impl<'a> ::core::hash::Hash for Bytes32Ref<'a> {
        fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
            self.w0().hash(state);self.w1().hash(state);self.w2().hash(state);self.w3().hash(state);
        }
    }


impl<'a> ::planus::TableRead<'a> for Bytes32Ref<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let buffer = buffer.advance_as_array::<32>(offset)?;
        ::core::result::Result::Ok(Self(buffer))
    }
}

impl<'a> ::planus::VectorRead<'a> for Bytes32Ref<'a> {
    const STRIDE: usize = 32;

    #[inline]
    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> Self {
        Self(unsafe { buffer.unchecked_advance_as_array(offset) })
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<Bytes32> for Bytes32 {
    const STRIDE: usize = 32;

    type Value = Bytes32;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self::Value {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Bytes32],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 32];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - (32 * i) as u32,
                
            );
        }
    }
}

    
///  64 bytes: BIP-340 signatures.
/// 
/// Generated from these locations:
/// * Struct `Bytes64` in the file `schemas/common.fbs:25`
#[derive(Copy, Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
Default, 
::serde::Serialize, ::serde::Deserialize
)]
pub struct Bytes64 {
    
        /// The field `w0` in the struct `Bytes64`
        pub w0: u64,
    
        /// The field `w1` in the struct `Bytes64`
        pub w1: u64,
    
        /// The field `w2` in the struct `Bytes64`
        pub w2: u64,
    
        /// The field `w3` in the struct `Bytes64`
        pub w3: u64,
    
        /// The field `w4` in the struct `Bytes64`
        pub w4: u64,
    
        /// The field `w5` in the struct `Bytes64`
        pub w5: u64,
    
        /// The field `w6` in the struct `Bytes64`
        pub w6: u64,
    
        /// The field `w7` in the struct `Bytes64`
        pub w7: u64,
    
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for Bytes64 {
    const ALIGNMENT: usize = 8;
    const SIZE: usize = 64;
}

#[allow(clippy::identity_op)]
impl ::planus::WriteAsPrimitive<Bytes64> for Bytes64 {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        let (cur, cursor) = cursor.split::<8 , 56>();
            self.w0.write(cur, buffer_position - 0);let (cur, cursor) = cursor.split::<8 , 48>();
            self.w1.write(cur, buffer_position - 8);let (cur, cursor) = cursor.split::<8 , 40>();
            self.w2.write(cur, buffer_position - 16);let (cur, cursor) = cursor.split::<8 , 32>();
            self.w3.write(cur, buffer_position - 24);let (cur, cursor) = cursor.split::<8 , 24>();
            self.w4.write(cur, buffer_position - 32);let (cur, cursor) = cursor.split::<8 , 16>();
            self.w5.write(cur, buffer_position - 40);let (cur, cursor) = cursor.split::<8 , 8>();
            self.w6.write(cur, buffer_position - 48);let (cur, cursor) = cursor.split::<8 , 0>();
            self.w7.write(cur, buffer_position - 56);
        cursor.finish([]);
    }
}

impl ::planus::WriteAsOffset<Bytes64> for Bytes64 {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Bytes64> {
        unsafe {
            builder.write_with(
                64,
                7,
                |buffer_position, bytes| {
                    let bytes = bytes.as_mut_ptr();

                    ::planus::WriteAsPrimitive::write(
                        self,
                        ::planus::Cursor::new(&mut *(bytes as *mut [::core::mem::MaybeUninit<u8>; 64])),
                        buffer_position,
                    );
                }
            );
        }
        builder.current_offset()
    }
}

impl ::planus::WriteAs<Bytes64> for Bytes64 {
    type Prepared = Self;
    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }
}

impl ::planus::WriteAsOptional<Bytes64> for Bytes64 {
    type Prepared = Self;
    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<Self> {
        ::core::option::Option::Some(*self)
    }
}

/// Reference to a deserialized [Bytes64].
#[derive(Copy, Clone)]
pub struct Bytes64Ref<'a>(::planus::ArrayWithStartOffset<'a, 64>);

impl<'a> Bytes64Ref<'a> {
    
        /// Getter for the [`w0` field](Bytes64#structfield.w0).
        pub fn w0(&self) -> u64 {
            let buffer = self.0.advance_as_array::<8>(0).unwrap();
            
            u64::from_le_bytes(*buffer.as_array())
            
        }
    
        /// Getter for the [`w1` field](Bytes64#structfield.w1).
        pub fn w1(&self) -> u64 {
            let buffer = self.0.advance_as_array::<8>(8).unwrap();
            
            u64::from_le_bytes(*buffer.as_array())
            
        }
    
        /// Getter for the [`w2` field](Bytes64#structfield.w2).
        pub fn w2(&self) -> u64 {
            let buffer = self.0.advance_as_array::<8>(16).unwrap();
            
            u64::from_le_bytes(*buffer.as_array())
            
        }
    
        /// Getter for the [`w3` field](Bytes64#structfield.w3).
        pub fn w3(&self) -> u64 {
            let buffer = self.0.advance_as_array::<8>(24).unwrap();
            
            u64::from_le_bytes(*buffer.as_array())
            
        }
    
        /// Getter for the [`w4` field](Bytes64#structfield.w4).
        pub fn w4(&self) -> u64 {
            let buffer = self.0.advance_as_array::<8>(32).unwrap();
            
            u64::from_le_bytes(*buffer.as_array())
            
        }
    
        /// Getter for the [`w5` field](Bytes64#structfield.w5).
        pub fn w5(&self) -> u64 {
            let buffer = self.0.advance_as_array::<8>(40).unwrap();
            
            u64::from_le_bytes(*buffer.as_array())
            
        }
    
        /// Getter for the [`w6` field](Bytes64#structfield.w6).
        pub fn w6(&self) -> u64 {
            let buffer = self.0.advance_as_array::<8>(48).unwrap();
            
            u64::from_le_bytes(*buffer.as_array())
            
        }
    
        /// Getter for the [`w7` field](Bytes64#structfield.w7).
        pub fn w7(&self) -> u64 {
            let buffer = self.0.advance_as_array::<8>(56).unwrap();
            
            u64::from_le_bytes(*buffer.as_array())
            
        }
    
}

impl<'a> ::core::fmt::Debug for Bytes64Ref<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("Bytes64Ref");
        f.field("w0", &self.w0());f.field("w1", &self.w1());f.field("w2", &self.w2());f.field("w3", &self.w3());f.field("w4", &self.w4());f.field("w5", &self.w5());f.field("w6", &self.w6());f.field("w7", &self.w7());
        f.finish()
    }
}

impl<'a> ::core::convert::From<::planus::ArrayWithStartOffset<'a, 64>> for Bytes64Ref<'a> {
    fn from(array: ::planus::ArrayWithStartOffset<'a, 64>) -> Self {
        Self(array)
    }
}

impl<'a> ::core::convert::From<Bytes64Ref<'a>> for Bytes64 {
    #[allow(unreachable_code)]
    fn from(value: Bytes64Ref<'a>) -> Self {
        Self {
        w0:
            value.w0(),
            w1:
            value.w1(),
            w2:
            value.w2(),
            w3:
            value.w3(),
            w4:
            value.w4(),
            w5:
            value.w5(),
            w6:
            value.w6(),
            w7:
            value.w7(),
            
        }
    }
}

impl<'a, 'b> ::core::cmp::PartialEq<Bytes64Ref<'a>> for Bytes64Ref<'b> {
    fn eq(&self, other: &Bytes64Ref<'_>) -> bool {
        
            self.w0() == other.w0() && 
            self.w1() == other.w1() && 
            self.w2() == other.w2() && 
            self.w3() == other.w3() && 
            self.w4() == other.w4() && 
            self.w5() == other.w5() && 
            self.w6() == other.w6() && 
            self.w7() == other.w7()
    }
}

    impl<'a> ::core::cmp::Eq for Bytes64Ref<'a> {}
    impl<'a, 'b> ::core::cmp::PartialOrd<Bytes64Ref<'a>> for Bytes64Ref<'b> {
        fn partial_cmp(&self, other: &Bytes64Ref<'_>) -> ::core::option::Option<::core::cmp::Ordering> {
            ::core::option::Option::Some(::core::cmp::Ord::cmp(self, other))
        }
    }

    impl<'a> ::core::cmp::Ord for Bytes64Ref<'a> {
        fn cmp(&self, other: &Bytes64Ref<'_>) -> ::core::cmp::Ordering {
            
                self.w0().cmp(&other.w0())
                
                .then_with(|| self.w1().cmp(&other.w1()))
                
                .then_with(|| self.w2().cmp(&other.w2()))
                
                .then_with(|| self.w3().cmp(&other.w3()))
                
                .then_with(|| self.w4().cmp(&other.w4()))
                
                .then_with(|| self.w5().cmp(&other.w5()))
                
                .then_with(|| self.w6().cmp(&other.w6()))
                
                .then_with(|| self.w7().cmp(&other.w7()))
                
        }
    }

    impl<'a> ::core::hash::Hash for Bytes64Ref<'a> {
        fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
            self.w0().hash(state);self.w1().hash(state);self.w2().hash(state);self.w3().hash(state);self.w4().hash(state);self.w5().hash(state);self.w6().hash(state);self.w7().hash(state);
        }
    }


impl<'a> ::planus::TableRead<'a> for Bytes64Ref<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let buffer = buffer.advance_as_array::<64>(offset)?;
        ::core::result::Result::Ok(Self(buffer))
    }
}

impl<'a> ::planus::VectorRead<'a> for Bytes64Ref<'a> {
    const STRIDE: usize = 64;

    #[inline]
    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> Self {
        Self(unsafe { buffer.unchecked_advance_as_array(offset) })
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<Bytes64> for Bytes64 {
    const STRIDE: usize = 64;

    type Value = Bytes64;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self::Value {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Bytes64],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 64];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - (64 * i) as u32,
                
            );
        }
    }
}

    
///  A compressed secp256k1 point (33 bytes: the 0x02/0x03 prefix, then x).
/// 
/// Generated from these locations:
/// * Struct `CompressedPoint` in the file `schemas/common.fbs:37`
#[derive(Copy, Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
Default, 
::serde::Serialize, ::serde::Deserialize
)]
pub struct CompressedPoint {
    
        /// The field `prefix` in the struct `CompressedPoint`
        pub prefix: u8,
    
        /// The field `x` in the struct `CompressedPoint`
        pub x: self::Bytes32,
    
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for CompressedPoint {
    const ALIGNMENT: usize = 8;
    const SIZE: usize = 40;
}

#[allow(clippy::identity_op)]
impl ::planus::WriteAsPrimitive<CompressedPoint> for CompressedPoint {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        let (cur, cursor) = cursor.split::<1 , 39>();
            self.prefix.write(cur, buffer_position - 0);let cursor = cursor.write::<7, 32>([0; 7]);let (cur, cursor) = cursor.split::<32 , 0>();
            self.x.write(cur, buffer_position - 8);
        cursor.finish([]);
    }
}

impl ::planus::WriteAsOffset<CompressedPoint> for CompressedPoint {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CompressedPoint> {
        unsafe {
            builder.write_with(
                40,
                7,
                |buffer_position, bytes| {
                    let bytes = bytes.as_mut_ptr();

                    ::planus::WriteAsPrimitive::write(
                        self,
                        ::planus::Cursor::new(&mut *(bytes as *mut [::core::mem::MaybeUninit<u8>; 40])),
                        buffer_position,
                    );
                }
            );
        }
        builder.current_offset()
    }
}

impl ::planus::WriteAs<CompressedPoint> for CompressedPoint {
    type Prepared = Self;
    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }
}

impl ::planus::WriteAsOptional<CompressedPoint> for CompressedPoint {
    type Prepared = Self;
    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<Self> {
        ::core::option::Option::Some(*self)
    }
}

/// Reference to a deserialized [CompressedPoint].
#[derive(Copy, Clone)]
pub struct CompressedPointRef<'a>(::planus::ArrayWithStartOffset<'a, 40>);

impl<'a> CompressedPointRef<'a> {
    
        /// Getter for the [`prefix` field](CompressedPoint#structfield.prefix).
        pub fn prefix(&self) -> u8 {
            let buffer = self.0.advance_as_array::<1>(0).unwrap();
            
            u8::from_le_bytes(*buffer.as_array())
            
        }
    
        /// Getter for the [`x` field](CompressedPoint#structfield.x).
        pub fn x(&self) -> self::Bytes32Ref<'a> {
            let buffer = self.0.advance_as_array::<32>(8).unwrap();
            
            ::core::convert::From::from(buffer)
            
        }
    
}

impl<'a> ::core::fmt::Debug for CompressedPointRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("CompressedPointRef");
        f.field("prefix", &self.prefix());f.field("x", &self.x());
        f.finish()
    }
}

impl<'a> ::core::convert::From<::planus::ArrayWithStartOffset<'a, 40>> for CompressedPointRef<'a> {
    fn from(array: ::planus::ArrayWithStartOffset<'a, 40>) -> Self {
        Self(array)
    }
}

impl<'a> ::core::convert::From<CompressedPointRef<'a>> for CompressedPoint {
    #[allow(unreachable_code)]
    fn from(value: CompressedPointRef<'a>) -> Self {
        Self {
        prefix:
            value.prefix(),
            x:
            ::core::convert::From::from(value.x()),
            
        }
    }
}

impl<'a, 'b> ::core::cmp::PartialEq<CompressedPointRef<'a>> for CompressedPointRef<'b> {
    fn eq(&self, other: &CompressedPointRef<'_>) -> bool {
        
            self.prefix() == other.prefix() && 
            self.x() == other.x()
    }
}

    impl<'a> ::core::cmp::Eq for CompressedPointRef<'a> {}
    impl<'a, 'b> ::core::cmp::PartialOrd<CompressedPointRef<'a>> for CompressedPointRef<'b> {
        fn partial_cmp(&self, other: &CompressedPointRef<'_>) -> ::core::option::Option<::core::cmp::Ordering> {
            ::core::option::Option::Some(::core::cmp::Ord::cmp(self, other))
        }
    }

    impl<'a> ::core::cmp::Ord for CompressedPointRef<'a> {
        fn cmp(&self, other: &CompressedPointRef<'_>) -> ::core::cmp::Ordering {
            
                self.prefix().cmp(&other.prefix())
                
                .then_with(|| self.x().cmp(&other.x()))
                
        }
    }

    impl<'a> ::core::hash::Hash for CompressedPointRef<'a> {
        fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
            self.prefix().hash(state);self.x().hash(state);
        }
    }


impl<'a> ::planus::TableRead<'a> for CompressedPointRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let buffer = buffer.advance_as_array::<40>(offset)?;
        ::core::result::Result::Ok(Self(buffer))
    }
}

impl<'a> ::planus::VectorRead<'a> for CompressedPointRef<'a> {
    const STRIDE: usize = 40;

    #[inline]
    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> Self {
        Self(unsafe { buffer.unchecked_advance_as_array(offset) })
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<CompressedPoint> for CompressedPoint {
    const STRIDE: usize = 40;

    type Value = CompressedPoint;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self::Value {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[CompressedPoint],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 40];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - (40 * i) as u32,
                
            );
        }
    }
}

    
///  One tag, e.g. `["e", "<id>", "<relay>", "reply"]`.
/// 
/// Generated from these locations:
/// * Table `Tag` in the file `schemas/common.fbs:43`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Tag{
    
        /// The field `items` in the table `Tag`
        pub items: ::core::option::Option<::planus::alloc::vec::Vec<::planus::alloc::string::String>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Tag {
    fn default() -> Self {
        Self {
        items: ::core::default::Default::default(),
        
        }
    }
}


impl Tag {
    /// Creates a [TagBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> TagBuilder<()> {
        TagBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_items: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_items = field_items.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_items.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<str>]>>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_items) = prepared_items {object_writer.write::<_, _, 4>(&prepared_items);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Tag>> for Tag {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Tag> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Tag>> for Tag {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Tag>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Tag> for Tag {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Tag> {
        Tag::create(
            builder,
        
            
            &self.items,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Tag] type.
///
/// Can be created using the [Tag::builder] method.
#[derive(Debug)]
#[must_use]
pub struct TagBuilder<State>(State);

impl<
    
> TagBuilder
<
    (
    
    )
>
{
    /// Setter for the [`items` field](Tag#structfield.items).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn items<T0>(self, value: T0) -> TagBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>
    {
        TagBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`items` field](Tag#structfield.items) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn items_as_null(self) -> TagBuilder<(
        
        (),
    )>
    {
        self.items(())
    }
    
}



impl<
    
        T0,
    
> TagBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Tag].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Tag>
        where Self: ::planus::WriteAsOffset<Tag>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
> ::planus::WriteAs<::planus::Offset<Tag>> for TagBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<Tag>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Tag> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Tag>> for TagBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<Tag>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Tag>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
> ::planus::WriteAsOffset<Tag> for TagBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Tag> {
        
        let (
            
                v0,
            
        ) = &self.0;Tag::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [Tag].
#[derive(Copy, Clone)]
pub struct TagRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> TagRef<'a> {
    
        /// Getter for the [`items` field](Tag#structfield.items).
        #[inline]
        pub fn items(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<&'a ::core::primitive::str>>>> {
            
            
              
              self.0.access(0, "Tag", "items")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for TagRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("TagRef");
        if let ::core::option::Option::Some(field_items) = self.items().transpose() {
                f.field("items", &field_items);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<TagRef<'a>> for Tag {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: TagRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            items: 
                            if let ::core::option::Option::Some(items) = value.items()? {
                                ::core::option::Option::Some(items.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for TagRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for TagRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[TagRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Tag>> for Tag {
    type Value = ::planus::Offset<Tag>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Tag>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for TagRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[TagRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  A signed NIP-01 event.
/// 
/// Generated from these locations:
/// * Table `Event` in the file `schemas/common.fbs:48`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Event{
    
        /// The field `id` in the table `Event`
        pub id: self::Bytes32,
        /// The field `pubkey` in the table `Event`
        pub pubkey: self::Bytes32,
        /// The field `created_at` in the table `Event`
        pub created_at: u64,
        /// The field `kind` in the table `Event`
        pub kind: u16,
        /// The field `tags` in the table `Event`
        pub tags: ::core::option::Option<::planus::alloc::vec::Vec<self::Tag>>,
        /// The field `content` in the table `Event`
        pub content: ::core::option::Option<::planus::alloc::string::String>,
        /// The field `sig` in the table `Event`
        pub sig: self::Bytes64,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Event {
    fn default() -> Self {
        Self {
        id: ::core::default::Default::default(),
        pubkey: ::core::default::Default::default(),
        created_at: 0,
        kind: 0,
        tags: ::core::default::Default::default(),
        content: ::core::default::Default::default(),
        sig: ::core::default::Default::default(),
        
        }
    }
}


impl Event {
    /// Creates a [EventBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> EventBuilder<()> {
        EventBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_id: impl ::planus::WriteAs<self::Bytes32>,
        field_pubkey: impl ::planus::WriteAs<self::Bytes32>,
        field_created_at: impl ::planus::WriteAsDefault<u64, u64>,
        field_kind: impl ::planus::WriteAsDefault<u16, u16>,
        field_tags: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>,
        field_content: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        field_sig: impl ::planus::WriteAs<self::Bytes64>,
        
    ) -> ::planus::Offset<Self> {let prepared_id = field_id.prepare(builder);let prepared_pubkey = field_pubkey.prepare(builder);let prepared_created_at = field_created_at.prepare(builder, &0);let prepared_kind = field_kind.prepare(builder, &0);let prepared_tags = field_tags.prepare(builder);let prepared_content = field_content.prepare(builder);let prepared_sig = field_sig.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<18> = ::core::default::Default::default();
        table_writer.write_entry::<self::Bytes32>(0);table_writer.write_entry::<self::Bytes32>(1);if prepared_created_at.is_some() {table_writer.write_entry::<u64>(2);}table_writer.write_entry::<self::Bytes64>(6);if prepared_tags.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::Tag>]>>(4);}if prepared_content.is_some() {table_writer.write_entry::<::planus::Offset<str>>(5);}if prepared_kind.is_some() {table_writer.write_entry::<u16>(3);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 32>(&prepared_id);object_writer.write::<_, _, 32>(&prepared_pubkey);if let ::core::option::Option::Some(prepared_created_at) = prepared_created_at {object_writer.write::<_, _, 8>(&prepared_created_at);}object_writer.write::<_, _, 64>(&prepared_sig);if let ::core::option::Option::Some(prepared_tags) = prepared_tags {object_writer.write::<_, _, 4>(&prepared_tags);}if let ::core::option::Option::Some(prepared_content) = prepared_content {object_writer.write::<_, _, 4>(&prepared_content);}if let ::core::option::Option::Some(prepared_kind) = prepared_kind {object_writer.write::<_, _, 2>(&prepared_kind);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Event>> for Event {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Event> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Event>> for Event {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Event>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Event> for Event {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Event> {
        Event::create(
            builder,
        
            
            self.id,
            
        
            
            self.pubkey,
            
        
            
            self.created_at,
            
        
            
            self.kind,
            
        
            
            &self.tags,
            
        
            
            &self.content,
            
        
            
            self.sig,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Event] type.
///
/// Can be created using the [Event::builder] method.
#[derive(Debug)]
#[must_use]
pub struct EventBuilder<State>(State);

impl<
    
> EventBuilder
<
    (
    
    )
>
{
    /// Setter for the [`id` field](Event#structfield.id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn id<T0>(self, value: T0) -> EventBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<self::Bytes32>
    {
        EventBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> EventBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`pubkey` field](Event#structfield.pubkey).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn pubkey<T1>(self, value: T1) -> EventBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<self::Bytes32>
    {
        
        let (
            
                v0,
            
        ) = self.0;EventBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> EventBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`created_at` field](Event#structfield.created_at).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn created_at<T2>(self, value: T2) -> EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;EventBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    
    /// Sets the [`created_at` field](Event#structfield.created_at) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn created_at_as_default(self) -> EventBuilder<(
        
            T0,
        
            T1,
        
        ::planus::DefaultValue,
    )>
    {
        self.created_at(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> EventBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`kind` field](Event#structfield.kind).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kind<T3>(self, value: T3) -> EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsDefault<u16, u16>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;EventBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    
    /// Sets the [`kind` field](Event#structfield.kind) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kind_as_default(self) -> EventBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
        ::planus::DefaultValue,
    )>
    {
        self.kind(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> EventBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`tags` field](Event#structfield.tags).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn tags<T4>(self, value: T4) -> EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;EventBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    

    
    /// Sets the [`tags` field](Event#structfield.tags) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn tags_as_null(self) -> EventBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
        (),
    )>
    {
        self.tags(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> EventBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )
>
{
    /// Setter for the [`content` field](Event#structfield.content).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn content<T5>(self, value: T5) -> EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
    )>
    where T5: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = self.0;EventBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
            value,
        ))
    }

    

    
    /// Sets the [`content` field](Event#structfield.content) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn content_as_null(self) -> EventBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
        (),
    )>
    {
        self.content(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
> EventBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
    )
>
{
    /// Setter for the [`sig` field](Event#structfield.sig).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn sig<T6>(self, value: T6) -> EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
    )>
    where T6: ::planus::WriteAs<self::Bytes64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
        ) = self.0;EventBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
> EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Event].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Event>
        where Self: ::planus::WriteAsOffset<Event>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
        T1: ::planus::WriteAs<self::Bytes32>,
    
        T2: ::planus::WriteAsDefault<u64, u64>,
    
        T3: ::planus::WriteAsDefault<u16, u16>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>,
    
        T5: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T6: ::planus::WriteAs<self::Bytes64>,
    
> ::planus::WriteAs<::planus::Offset<Event>> for EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
)> {
    type Prepared = ::planus::Offset<Event>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Event> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
        T1: ::planus::WriteAs<self::Bytes32>,
    
        T2: ::planus::WriteAsDefault<u64, u64>,
    
        T3: ::planus::WriteAsDefault<u16, u16>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>,
    
        T5: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T6: ::planus::WriteAs<self::Bytes64>,
    
> ::planus::WriteAsOptional<::planus::Offset<Event>> for EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
)> {
    type Prepared = ::planus::Offset<Event>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Event>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
        T1: ::planus::WriteAs<self::Bytes32>,
    
        T2: ::planus::WriteAsDefault<u64, u64>,
    
        T3: ::planus::WriteAsDefault<u16, u16>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>,
    
        T5: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T6: ::planus::WriteAs<self::Bytes64>,
    
> ::planus::WriteAsOffset<Event> for EventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Event> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
        ) = &self.0;Event::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
        )
    }
}

/// Reference to a deserialized [Event].
#[derive(Copy, Clone)]
pub struct EventRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> EventRef<'a> {
    
        /// Getter for the [`id` field](Event#structfield.id).
        #[inline]
        pub fn id(&self) -> ::planus::Result<self::Bytes32Ref<'a>> {
            
            
              
              self.0.access_required(0, "Event", "id")
              
            
            
            
        }
    
        /// Getter for the [`pubkey` field](Event#structfield.pubkey).
        #[inline]
        pub fn pubkey(&self) -> ::planus::Result<self::Bytes32Ref<'a>> {
            
            
              
              self.0.access_required(1, "Event", "pubkey")
              
            
            
            
        }
    
        /// Getter for the [`created_at` field](Event#structfield.created_at).
        #[inline]
        pub fn created_at(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(2, "Event", "created_at")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`kind` field](Event#structfield.kind).
        #[inline]
        pub fn kind(&self) -> ::planus::Result<u16> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(3, "Event", "kind")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`tags` field](Event#structfield.tags).
        #[inline]
        pub fn tags(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<self::TagRef<'a>>>>> {
            
            
              
              self.0.access(4, "Event", "tags")
              
            
            
            
        }
    
        /// Getter for the [`content` field](Event#structfield.content).
        #[inline]
        pub fn content(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(5, "Event", "content")
              
            
            
            
        }
    
        /// Getter for the [`sig` field](Event#structfield.sig).
        #[inline]
        pub fn sig(&self) -> ::planus::Result<self::Bytes64Ref<'a>> {
            
            
              
              self.0.access_required(6, "Event", "sig")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for EventRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("EventRef");
        f.field("id", &self.id());f.field("pubkey", &self.pubkey());f.field("created_at", &self.created_at());f.field("kind", &self.kind());if let ::core::option::Option::Some(field_tags) = self.tags().transpose() {
                f.field("tags", &field_tags);
            }if let ::core::option::Option::Some(field_content) = self.content().transpose() {
                f.field("content", &field_content);
            }f.field("sig", &self.sig());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<EventRef<'a>> for Event {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: EventRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            id: ::core::convert::Into::into(value.id()?),pubkey: ::core::convert::Into::into(value.pubkey()?),created_at: ::core::convert::TryInto::try_into(value.created_at()?)?,kind: ::core::convert::TryInto::try_into(value.kind()?)?,tags: 
                            if let ::core::option::Option::Some(tags) = value.tags()? {
                                ::core::option::Option::Some(tags.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,content: 
                                value.content()?.map(::core::convert::Into::into)
                            ,sig: ::core::convert::Into::into(value.sig()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for EventRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for EventRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[EventRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Event>> for Event {
    type Value = ::planus::Offset<Event>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Event>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for EventRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[EventRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  An event before it has an id and a signature (what a signer is asked to sign).
/// 
/// Generated from these locations:
/// * Table `UnsignedEvent` in the file `schemas/common.fbs:59`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct UnsignedEvent{
    
        ///  Absent: the signer's own public key.
        pub pubkey: ::core::option::Option<self::Bytes32>,
        /// The field `created_at` in the table `UnsignedEvent`
        pub created_at: u64,
        /// The field `kind` in the table `UnsignedEvent`
        pub kind: u16,
        /// The field `tags` in the table `UnsignedEvent`
        pub tags: ::core::option::Option<::planus::alloc::vec::Vec<self::Tag>>,
        /// The field `content` in the table `UnsignedEvent`
        pub content: ::core::option::Option<::planus::alloc::string::String>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for UnsignedEvent {
    fn default() -> Self {
        Self {
        pubkey: ::core::default::Default::default(),
        created_at: 0,
        kind: 0,
        tags: ::core::default::Default::default(),
        content: ::core::default::Default::default(),
        
        }
    }
}


impl UnsignedEvent {
    /// Creates a [UnsignedEventBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> UnsignedEventBuilder<()> {
        UnsignedEventBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_pubkey: impl ::planus::WriteAsOptional<self::Bytes32>,
        field_created_at: impl ::planus::WriteAsDefault<u64, u64>,
        field_kind: impl ::planus::WriteAsDefault<u16, u16>,
        field_tags: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>,
        field_content: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_pubkey = field_pubkey.prepare(builder);let prepared_created_at = field_created_at.prepare(builder, &0);let prepared_kind = field_kind.prepare(builder, &0);let prepared_tags = field_tags.prepare(builder);let prepared_content = field_content.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<14> = ::core::default::Default::default();
        if prepared_pubkey.is_some() {table_writer.write_entry::<self::Bytes32>(0);}if prepared_created_at.is_some() {table_writer.write_entry::<u64>(1);}if prepared_tags.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::Tag>]>>(3);}if prepared_content.is_some() {table_writer.write_entry::<::planus::Offset<str>>(4);}if prepared_kind.is_some() {table_writer.write_entry::<u16>(2);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_pubkey) = prepared_pubkey {object_writer.write::<_, _, 32>(&prepared_pubkey);}if let ::core::option::Option::Some(prepared_created_at) = prepared_created_at {object_writer.write::<_, _, 8>(&prepared_created_at);}if let ::core::option::Option::Some(prepared_tags) = prepared_tags {object_writer.write::<_, _, 4>(&prepared_tags);}if let ::core::option::Option::Some(prepared_content) = prepared_content {object_writer.write::<_, _, 4>(&prepared_content);}if let ::core::option::Option::Some(prepared_kind) = prepared_kind {object_writer.write::<_, _, 2>(&prepared_kind);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<UnsignedEvent>> for UnsignedEvent {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<UnsignedEvent> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<UnsignedEvent>> for UnsignedEvent {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<UnsignedEvent>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<UnsignedEvent> for UnsignedEvent {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<UnsignedEvent> {
        UnsignedEvent::create(
            builder,
        
            
            self.pubkey,
            
        
            
            self.created_at,
            
        
            
            self.kind,
            
        
            
            &self.tags,
            
        
            
            &self.content,
            
        
        )
    }
}

/// Builder for serializing an instance of the [UnsignedEvent] type.
///
/// Can be created using the [UnsignedEvent::builder] method.
#[derive(Debug)]
#[must_use]
pub struct UnsignedEventBuilder<State>(State);

impl<
    
> UnsignedEventBuilder
<
    (
    
    )
>
{
    /// Setter for the [`pubkey` field](UnsignedEvent#structfield.pubkey).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn pubkey<T0>(self, value: T0) -> UnsignedEventBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<self::Bytes32>
    {
        UnsignedEventBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`pubkey` field](UnsignedEvent#structfield.pubkey) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn pubkey_as_null(self) -> UnsignedEventBuilder<(
        
        (),
    )>
    {
        self.pubkey(())
    }
    
}

impl<
    
        T0,
    
> UnsignedEventBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`created_at` field](UnsignedEvent#structfield.created_at).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn created_at<T1>(self, value: T1) -> UnsignedEventBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<u64, u64>
    {
        
        let (
            
                v0,
            
        ) = self.0;UnsignedEventBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`created_at` field](UnsignedEvent#structfield.created_at) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn created_at_as_default(self) -> UnsignedEventBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.created_at(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
> UnsignedEventBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`kind` field](UnsignedEvent#structfield.kind).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kind<T2>(self, value: T2) -> UnsignedEventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsDefault<u16, u16>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;UnsignedEventBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    
    /// Sets the [`kind` field](UnsignedEvent#structfield.kind) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kind_as_default(self) -> UnsignedEventBuilder<(
        
            T0,
        
            T1,
        
        ::planus::DefaultValue,
    )>
    {
        self.kind(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> UnsignedEventBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`tags` field](UnsignedEvent#structfield.tags).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn tags<T3>(self, value: T3) -> UnsignedEventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;UnsignedEventBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    

    
    /// Sets the [`tags` field](UnsignedEvent#structfield.tags) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn tags_as_null(self) -> UnsignedEventBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
        (),
    )>
    {
        self.tags(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> UnsignedEventBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`content` field](UnsignedEvent#structfield.content).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn content<T4>(self, value: T4) -> UnsignedEventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;UnsignedEventBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    

    
    /// Sets the [`content` field](UnsignedEvent#structfield.content) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn content_as_null(self) -> UnsignedEventBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
        (),
    )>
    {
        self.content(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> UnsignedEventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [UnsignedEvent].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<UnsignedEvent>
        where Self: ::planus::WriteAsOffset<UnsignedEvent>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<self::Bytes32>,
    
        T1: ::planus::WriteAsDefault<u64, u64>,
    
        T2: ::planus::WriteAsDefault<u16, u16>,
    
        T3: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAs<::planus::Offset<UnsignedEvent>> for UnsignedEventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<UnsignedEvent>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<UnsignedEvent> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<self::Bytes32>,
    
        T1: ::planus::WriteAsDefault<u64, u64>,
    
        T2: ::planus::WriteAsDefault<u16, u16>,
    
        T3: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<UnsignedEvent>> for UnsignedEventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<UnsignedEvent>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<UnsignedEvent>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<self::Bytes32>,
    
        T1: ::planus::WriteAsDefault<u64, u64>,
    
        T2: ::planus::WriteAsDefault<u16, u16>,
    
        T3: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Tag>]>>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOffset<UnsignedEvent> for UnsignedEventBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<UnsignedEvent> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = &self.0;UnsignedEvent::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        )
    }
}

/// Reference to a deserialized [UnsignedEvent].
#[derive(Copy, Clone)]
pub struct UnsignedEventRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> UnsignedEventRef<'a> {
    
        /// Getter for the [`pubkey` field](UnsignedEvent#structfield.pubkey).
        #[inline]
        pub fn pubkey(&self) -> ::planus::Result<::core::option::Option<self::Bytes32Ref<'a>>> {
            
            
              
              self.0.access(0, "UnsignedEvent", "pubkey")
              
            
            
            
        }
    
        /// Getter for the [`created_at` field](UnsignedEvent#structfield.created_at).
        #[inline]
        pub fn created_at(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "UnsignedEvent", "created_at")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`kind` field](UnsignedEvent#structfield.kind).
        #[inline]
        pub fn kind(&self) -> ::planus::Result<u16> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(2, "UnsignedEvent", "kind")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`tags` field](UnsignedEvent#structfield.tags).
        #[inline]
        pub fn tags(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<self::TagRef<'a>>>>> {
            
            
              
              self.0.access(3, "UnsignedEvent", "tags")
              
            
            
            
        }
    
        /// Getter for the [`content` field](UnsignedEvent#structfield.content).
        #[inline]
        pub fn content(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(4, "UnsignedEvent", "content")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for UnsignedEventRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("UnsignedEventRef");
        if let ::core::option::Option::Some(field_pubkey) = self.pubkey().transpose() {
                f.field("pubkey", &field_pubkey);
            }f.field("created_at", &self.created_at());f.field("kind", &self.kind());if let ::core::option::Option::Some(field_tags) = self.tags().transpose() {
                f.field("tags", &field_tags);
            }if let ::core::option::Option::Some(field_content) = self.content().transpose() {
                f.field("content", &field_content);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<UnsignedEventRef<'a>> for UnsignedEvent {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: UnsignedEventRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            pubkey: 
                                    value.pubkey()?.map(::core::convert::Into::into)
                                ,created_at: ::core::convert::TryInto::try_into(value.created_at()?)?,kind: ::core::convert::TryInto::try_into(value.kind()?)?,tags: 
                            if let ::core::option::Option::Some(tags) = value.tags()? {
                                ::core::option::Option::Some(tags.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,content: 
                                value.content()?.map(::core::convert::Into::into)
                            ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for UnsignedEventRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for UnsignedEventRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[UnsignedEventRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<UnsignedEvent>> for UnsignedEvent {
    type Value = ::planus::Offset<UnsignedEvent>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<UnsignedEvent>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for UnsignedEventRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[UnsignedEventRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  A single-letter tag filter (`#e`, `#p`, `#t`...).
/// 
/// Generated from these locations:
/// * Table `TagFilter` in the file `schemas/common.fbs:69`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct TagFilter{
    
        ///  The tag letter as a Unicode scalar value (only ASCII letters ever match).
        pub letter: u32,
        /// The field `values` in the table `TagFilter`
        pub values: ::core::option::Option<::planus::alloc::vec::Vec<::planus::alloc::string::String>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for TagFilter {
    fn default() -> Self {
        Self {
        letter: 0,
        values: ::core::default::Default::default(),
        
        }
    }
}


impl TagFilter {
    /// Creates a [TagFilterBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> TagFilterBuilder<()> {
        TagFilterBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_letter: impl ::planus::WriteAsDefault<u32, u32>,
        field_values: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_letter = field_letter.prepare(builder, &0);let prepared_values = field_values.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        if prepared_letter.is_some() {table_writer.write_entry::<u32>(0);}if prepared_values.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<str>]>>(1);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_letter) = prepared_letter {object_writer.write::<_, _, 4>(&prepared_letter);}if let ::core::option::Option::Some(prepared_values) = prepared_values {object_writer.write::<_, _, 4>(&prepared_values);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<TagFilter>> for TagFilter {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<TagFilter> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<TagFilter>> for TagFilter {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<TagFilter>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<TagFilter> for TagFilter {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<TagFilter> {
        TagFilter::create(
            builder,
        
            
            self.letter,
            
        
            
            &self.values,
            
        
        )
    }
}

/// Builder for serializing an instance of the [TagFilter] type.
///
/// Can be created using the [TagFilter::builder] method.
#[derive(Debug)]
#[must_use]
pub struct TagFilterBuilder<State>(State);

impl<
    
> TagFilterBuilder
<
    (
    
    )
>
{
    /// Setter for the [`letter` field](TagFilter#structfield.letter).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn letter<T0>(self, value: T0) -> TagFilterBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u32, u32>
    {
        TagFilterBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`letter` field](TagFilter#structfield.letter) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn letter_as_default(self) -> TagFilterBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.letter(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> TagFilterBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`values` field](TagFilter#structfield.values).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn values<T1>(self, value: T1) -> TagFilterBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>
    {
        
        let (
            
                v0,
            
        ) = self.0;TagFilterBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`values` field](TagFilter#structfield.values) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn values_as_null(self) -> TagFilterBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.values(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
> TagFilterBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [TagFilter].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<TagFilter>
        where Self: ::planus::WriteAsOffset<TagFilter>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u32, u32>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
> ::planus::WriteAs<::planus::Offset<TagFilter>> for TagFilterBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<TagFilter>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<TagFilter> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u32, u32>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<TagFilter>> for TagFilterBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<TagFilter>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<TagFilter>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u32, u32>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
> ::planus::WriteAsOffset<TagFilter> for TagFilterBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<TagFilter> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;TagFilter::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [TagFilter].
#[derive(Copy, Clone)]
pub struct TagFilterRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> TagFilterRef<'a> {
    
        /// Getter for the [`letter` field](TagFilter#structfield.letter).
        #[inline]
        pub fn letter(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "TagFilter", "letter")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`values` field](TagFilter#structfield.values).
        #[inline]
        pub fn values(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<&'a ::core::primitive::str>>>> {
            
            
              
              self.0.access(1, "TagFilter", "values")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for TagFilterRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("TagFilterRef");
        f.field("letter", &self.letter());if let ::core::option::Option::Some(field_values) = self.values().transpose() {
                f.field("values", &field_values);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<TagFilterRef<'a>> for TagFilter {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: TagFilterRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            letter: ::core::convert::TryInto::try_into(value.letter()?)?,values: 
                            if let ::core::option::Option::Some(values) = value.values()? {
                                ::core::option::Option::Some(values.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for TagFilterRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for TagFilterRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[TagFilterRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<TagFilter>> for TagFilter {
    type Value = ::planus::Offset<TagFilter>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<TagFilter>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for TagFilterRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[TagFilterRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  A NIP-01 filter.
/// 
///  An absent list constrains nothing; a present but empty list matches nothing (NIP-01), so
///  writers must emit empty vectors rather than omit them.
/// 
/// Generated from these locations:
/// * Table `Filter` in the file `schemas/common.fbs:79`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Filter{
    
        /// The field `ids` in the table `Filter`
        pub ids: ::core::option::Option<::planus::alloc::vec::Vec<self::Bytes32>>,
        /// The field `authors` in the table `Filter`
        pub authors: ::core::option::Option<::planus::alloc::vec::Vec<self::Bytes32>>,
        /// The field `kinds` in the table `Filter`
        pub kinds: ::core::option::Option<::planus::alloc::vec::Vec<u16>>,
        /// The field `tags` in the table `Filter`
        pub tags: ::core::option::Option<::planus::alloc::vec::Vec<self::TagFilter>>,
        /// The field `since` in the table `Filter`
        pub since: ::core::option::Option<u64>,
        /// The field `until` in the table `Filter`
        pub until: ::core::option::Option<u64>,
        /// The field `limit` in the table `Filter`
        pub limit: ::core::option::Option<u64>,
        ///  NIP-50 full-text query.
        pub search: ::core::option::Option<::planus::alloc::string::String>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Filter {
    fn default() -> Self {
        Self {
        ids: ::core::default::Default::default(),
        authors: ::core::default::Default::default(),
        kinds: ::core::default::Default::default(),
        tags: ::core::default::Default::default(),
        since: ::core::default::Default::default(),
        until: ::core::default::Default::default(),
        limit: ::core::default::Default::default(),
        search: ::core::default::Default::default(),
        
        }
    }
}


impl Filter {
    /// Creates a [FilterBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> FilterBuilder<()> {
        FilterBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_ids: impl ::planus::WriteAsOptional<::planus::Offset<[self::Bytes32]>>,
        field_authors: impl ::planus::WriteAsOptional<::planus::Offset<[self::Bytes32]>>,
        field_kinds: impl ::planus::WriteAsOptional<::planus::Offset<[u16]>>,
        field_tags: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::TagFilter>]>>,
        field_since: impl ::planus::WriteAsOptional<u64>,
        field_until: impl ::planus::WriteAsOptional<u64>,
        field_limit: impl ::planus::WriteAsOptional<u64>,
        field_search: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_ids = field_ids.prepare(builder);let prepared_authors = field_authors.prepare(builder);let prepared_kinds = field_kinds.prepare(builder);let prepared_tags = field_tags.prepare(builder);let prepared_since = field_since.prepare(builder);let prepared_until = field_until.prepare(builder);let prepared_limit = field_limit.prepare(builder);let prepared_search = field_search.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<20> = ::core::default::Default::default();
        if prepared_since.is_some() {table_writer.write_entry::<u64>(4);}if prepared_until.is_some() {table_writer.write_entry::<u64>(5);}if prepared_limit.is_some() {table_writer.write_entry::<u64>(6);}if prepared_ids.is_some() {table_writer.write_entry::<::planus::Offset<[self::Bytes32]>>(0);}if prepared_authors.is_some() {table_writer.write_entry::<::planus::Offset<[self::Bytes32]>>(1);}if prepared_kinds.is_some() {table_writer.write_entry::<::planus::Offset<[u16]>>(2);}if prepared_tags.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::TagFilter>]>>(3);}if prepared_search.is_some() {table_writer.write_entry::<::planus::Offset<str>>(7);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_since) = prepared_since {object_writer.write::<_, _, 8>(&prepared_since);}if let ::core::option::Option::Some(prepared_until) = prepared_until {object_writer.write::<_, _, 8>(&prepared_until);}if let ::core::option::Option::Some(prepared_limit) = prepared_limit {object_writer.write::<_, _, 8>(&prepared_limit);}if let ::core::option::Option::Some(prepared_ids) = prepared_ids {object_writer.write::<_, _, 4>(&prepared_ids);}if let ::core::option::Option::Some(prepared_authors) = prepared_authors {object_writer.write::<_, _, 4>(&prepared_authors);}if let ::core::option::Option::Some(prepared_kinds) = prepared_kinds {object_writer.write::<_, _, 4>(&prepared_kinds);}if let ::core::option::Option::Some(prepared_tags) = prepared_tags {object_writer.write::<_, _, 4>(&prepared_tags);}if let ::core::option::Option::Some(prepared_search) = prepared_search {object_writer.write::<_, _, 4>(&prepared_search);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Filter>> for Filter {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Filter> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Filter>> for Filter {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Filter>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Filter> for Filter {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Filter> {
        Filter::create(
            builder,
        
            
            &self.ids,
            
        
            
            &self.authors,
            
        
            
            &self.kinds,
            
        
            
            &self.tags,
            
        
            
            self.since,
            
        
            
            self.until,
            
        
            
            self.limit,
            
        
            
            &self.search,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Filter] type.
///
/// Can be created using the [Filter::builder] method.
#[derive(Debug)]
#[must_use]
pub struct FilterBuilder<State>(State);

impl<
    
> FilterBuilder
<
    (
    
    )
>
{
    /// Setter for the [`ids` field](Filter#structfield.ids).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn ids<T0>(self, value: T0) -> FilterBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<::planus::Offset<[self::Bytes32]>>
    {
        FilterBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`ids` field](Filter#structfield.ids) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn ids_as_null(self) -> FilterBuilder<(
        
        (),
    )>
    {
        self.ids(())
    }
    
}

impl<
    
        T0,
    
> FilterBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`authors` field](Filter#structfield.authors).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn authors<T1>(self, value: T1) -> FilterBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<::planus::Offset<[self::Bytes32]>>
    {
        
        let (
            
                v0,
            
        ) = self.0;FilterBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`authors` field](Filter#structfield.authors) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn authors_as_null(self) -> FilterBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.authors(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
> FilterBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`kinds` field](Filter#structfield.kinds).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kinds<T2>(self, value: T2) -> FilterBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsOptional<::planus::Offset<[u16]>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;FilterBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
    /// Sets the [`kinds` field](Filter#structfield.kinds) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn kinds_as_null(self) -> FilterBuilder<(
        
            T0,
        
            T1,
        
        (),
    )>
    {
        self.kinds(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> FilterBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`tags` field](Filter#structfield.tags).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn tags<T3>(self, value: T3) -> FilterBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::TagFilter>]>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;FilterBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    

    
    /// Sets the [`tags` field](Filter#structfield.tags) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn tags_as_null(self) -> FilterBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
        (),
    )>
    {
        self.tags(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> FilterBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`since` field](Filter#structfield.since).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn since<T4>(self, value: T4) -> FilterBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAsOptional<u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;FilterBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    

    
    /// Sets the [`since` field](Filter#structfield.since) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn since_as_null(self) -> FilterBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
        (),
    )>
    {
        self.since(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> FilterBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )
>
{
    /// Setter for the [`until` field](Filter#structfield.until).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn until<T5>(self, value: T5) -> FilterBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
    )>
    where T5: ::planus::WriteAsOptional<u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = self.0;FilterBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
            value,
        ))
    }

    

    
    /// Sets the [`until` field](Filter#structfield.until) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn until_as_null(self) -> FilterBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
        (),
    )>
    {
        self.until(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
> FilterBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
    )
>
{
    /// Setter for the [`limit` field](Filter#structfield.limit).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn limit<T6>(self, value: T6) -> FilterBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
    )>
    where T6: ::planus::WriteAsOptional<u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
        ) = self.0;FilterBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
            value,
        ))
    }

    

    
    /// Sets the [`limit` field](Filter#structfield.limit) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn limit_as_null(self) -> FilterBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
            T5,
        
        (),
    )>
    {
        self.limit(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
> FilterBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
    )
>
{
    /// Setter for the [`search` field](Filter#structfield.search).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn search<T7>(self, value: T7) -> FilterBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
    )>
    where T7: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
        ) = self.0;FilterBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
            value,
        ))
    }

    

    
    /// Sets the [`search` field](Filter#structfield.search) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn search_as_null(self) -> FilterBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
            T4,
        
            T5,
        
            T6,
        
        (),
    )>
    {
        self.search(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
> FilterBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Filter].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Filter>
        where Self: ::planus::WriteAsOffset<Filter>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[self::Bytes32]>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[self::Bytes32]>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<[u16]>>,
    
        T3: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::TagFilter>]>>,
    
        T4: ::planus::WriteAsOptional<u64>,
    
        T5: ::planus::WriteAsOptional<u64>,
    
        T6: ::planus::WriteAsOptional<u64>,
    
        T7: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAs<::planus::Offset<Filter>> for FilterBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
)> {
    type Prepared = ::planus::Offset<Filter>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Filter> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[self::Bytes32]>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[self::Bytes32]>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<[u16]>>,
    
        T3: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::TagFilter>]>>,
    
        T4: ::planus::WriteAsOptional<u64>,
    
        T5: ::planus::WriteAsOptional<u64>,
    
        T6: ::planus::WriteAsOptional<u64>,
    
        T7: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Filter>> for FilterBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
)> {
    type Prepared = ::planus::Offset<Filter>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Filter>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[self::Bytes32]>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[self::Bytes32]>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<[u16]>>,
    
        T3: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::TagFilter>]>>,
    
        T4: ::planus::WriteAsOptional<u64>,
    
        T5: ::planus::WriteAsOptional<u64>,
    
        T6: ::planus::WriteAsOptional<u64>,
    
        T7: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOffset<Filter> for FilterBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
        T5,
    
        T6,
    
        T7,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Filter> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
                v7,
            
        ) = &self.0;Filter::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
                v5,
            
                v6,
            
                v7,
            
        )
    }
}

/// Reference to a deserialized [Filter].
#[derive(Copy, Clone)]
pub struct FilterRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> FilterRef<'a> {
    
        /// Getter for the [`ids` field](Filter#structfield.ids).
        #[inline]
        pub fn ids(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, self::Bytes32Ref<'a>>>> {
            
            
              
              self.0.access(0, "Filter", "ids")
              
            
            
            
        }
    
        /// Getter for the [`authors` field](Filter#structfield.authors).
        #[inline]
        pub fn authors(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, self::Bytes32Ref<'a>>>> {
            
            
              
              self.0.access(1, "Filter", "authors")
              
            
            
            
        }
    
        /// Getter for the [`kinds` field](Filter#structfield.kinds).
        #[inline]
        pub fn kinds(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, u16>>> {
            
            
              
              self.0.access(2, "Filter", "kinds")
              
            
            
            
        }
    
        /// Getter for the [`tags` field](Filter#structfield.tags).
        #[inline]
        pub fn tags(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<self::TagFilterRef<'a>>>>> {
            
            
              
              self.0.access(3, "Filter", "tags")
              
            
            
            
        }
    
        /// Getter for the [`since` field](Filter#structfield.since).
        #[inline]
        pub fn since(&self) -> ::planus::Result<::core::option::Option<u64>> {
            
            
              
              self.0.access(4, "Filter", "since")
              
            
            
            
        }
    
        /// Getter for the [`until` field](Filter#structfield.until).
        #[inline]
        pub fn until(&self) -> ::planus::Result<::core::option::Option<u64>> {
            
            
              
              self.0.access(5, "Filter", "until")
              
            
            
            
        }
    
        /// Getter for the [`limit` field](Filter#structfield.limit).
        #[inline]
        pub fn limit(&self) -> ::planus::Result<::core::option::Option<u64>> {
            
            
              
              self.0.access(6, "Filter", "limit")
              
            
            
            
        }
    
        /// Getter for the [`search` field](Filter#structfield.search).
        #[inline]
        pub fn search(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(7, "Filter", "search")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for FilterRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("FilterRef");
        if let ::core::option::Option::Some(field_ids) = self.ids().transpose() {
                f.field("ids", &field_ids);
            }if let ::core::option::Option::Some(field_authors) = self.authors().transpose() {
                f.field("authors", &field_authors);
            }if let ::core::option::Option::Some(field_kinds) = self.kinds().transpose() {
                f.field("kinds", &field_kinds);
            }if let ::core::option::Option::Some(field_tags) = self.tags().transpose() {
                f.field("tags", &field_tags);
            }if let ::core::option::Option::Some(field_since) = self.since().transpose() {
                f.field("since", &field_since);
            }if let ::core::option::Option::Some(field_until) = self.until().transpose() {
                f.field("until", &field_until);
            }if let ::core::option::Option::Some(field_limit) = self.limit().transpose() {
                f.field("limit", &field_limit);
            }if let ::core::option::Option::Some(field_search) = self.search().transpose() {
                f.field("search", &field_search);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<FilterRef<'a>> for Filter {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: FilterRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            ids: 
                            if let ::core::option::Option::Some(ids) = value.ids()? {
                                ::core::option::Option::Some(ids.to_vec()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,authors: 
                            if let ::core::option::Option::Some(authors) = value.authors()? {
                                ::core::option::Option::Some(authors.to_vec()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,kinds: 
                            if let ::core::option::Option::Some(kinds) = value.kinds()? {
                                ::core::option::Option::Some(kinds.to_vec()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,tags: 
                            if let ::core::option::Option::Some(tags) = value.tags()? {
                                ::core::option::Option::Some(tags.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,since: 
                    if let ::core::option::Option::Some(since) = value.since()? {
                        ::core::option::Option::Some(::core::convert::TryInto::try_into(since)?)
                    } else {
                        ::core::option::Option::None
                    }
                ,until: 
                    if let ::core::option::Option::Some(until) = value.until()? {
                        ::core::option::Option::Some(::core::convert::TryInto::try_into(until)?)
                    } else {
                        ::core::option::Option::None
                    }
                ,limit: 
                    if let ::core::option::Option::Some(limit) = value.limit()? {
                        ::core::option::Option::Some(::core::convert::TryInto::try_into(limit)?)
                    } else {
                        ::core::option::Option::None
                    }
                ,search: 
                                value.search()?.map(::core::convert::Into::into)
                            ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for FilterRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for FilterRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[FilterRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Filter>> for Filter {
    type Value = ::planus::Offset<Filter>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Filter>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for FilterRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[FilterRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Outcome of one relay for one published event (the relay's OK message, or why there was none).
/// 
/// Generated from these locations:
/// * Enum `RelayOkStatus` in the file `schemas/common.fbs:92`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u8)]pub enum RelayOkStatus {
    
        ///  OK true.
        Accepted = 0,
    
        ///  OK false: see `message` (the relay's machine-readable prefix included).
        Rejected = 1,
    
        ///  No OK within the publish timeout.
        Timeout = 2,
    
        ///  The relay could not be reached or the connection dropped before OK.
        Failed = 3,
    
}

impl RelayOkStatus {
    /// Array containing all valid variants of RelayOkStatus
    pub const ENUM_VALUES: [Self; 4] = [Self::Accepted,Self::Rejected,Self::Timeout,Self::Failed,];
}

impl ::core::convert::TryFrom<u8> for RelayOkStatus {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u8) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(RelayOkStatus::Accepted),
            1 => ::core::result::Result::Ok(RelayOkStatus::Rejected),
            2 => ::core::result::Result::Ok(RelayOkStatus::Timeout),
            3 => ::core::result::Result::Ok(RelayOkStatus::Failed),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<RelayOkStatus> for u8 {
    #[inline]
    fn from(value: RelayOkStatus) -> Self {
        value as u8
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for RelayOkStatus {
    const ALIGNMENT: usize = 1;
    const SIZE: usize = 1;
}

impl ::planus::WriteAsPrimitive<RelayOkStatus> for RelayOkStatus {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u8).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<RelayOkStatus> for RelayOkStatus {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> RelayOkStatus {
        *self
    }
}

impl ::planus::WriteAsDefault<RelayOkStatus, RelayOkStatus> for RelayOkStatus {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &RelayOkStatus) -> ::core::option::Option<RelayOkStatus> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<RelayOkStatus> for RelayOkStatus {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<RelayOkStatus> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for RelayOkStatus {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u8 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for RelayOkStatus {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 1;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { *buffer.buffer.get_unchecked(offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "RelayOkStatus",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<RelayOkStatus> for RelayOkStatus {
    const STRIDE: usize = 1;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 1];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - i as u32,
                
            );
        }
    }
}

    
///  One relay's answer to a publish.
/// 
/// Generated from these locations:
/// * Table `RelayOk` in the file `schemas/common.fbs:104`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct RelayOk{
    
        /// The field `relay_url` in the table `RelayOk`
        pub relay_url: ::core::option::Option<::planus::alloc::string::String>,
        /// The field `status` in the table `RelayOk`
        pub status: self::RelayOkStatus,
        /// The field `message` in the table `RelayOk`
        pub message: ::core::option::Option<::planus::alloc::string::String>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for RelayOk {
    fn default() -> Self {
        Self {
        relay_url: ::core::default::Default::default(),
        status: self::RelayOkStatus::Accepted,
        message: ::core::default::Default::default(),
        
        }
    }
}


impl RelayOk {
    /// Creates a [RelayOkBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> RelayOkBuilder<()> {
        RelayOkBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_relay_url: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        field_status: impl ::planus::WriteAsDefault<self::RelayOkStatus, self::RelayOkStatus>,
        field_message: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_relay_url = field_relay_url.prepare(builder);let prepared_status = field_status.prepare(builder, &self::RelayOkStatus::Accepted);let prepared_message = field_message.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        if prepared_relay_url.is_some() {table_writer.write_entry::<::planus::Offset<str>>(0);}if prepared_message.is_some() {table_writer.write_entry::<::planus::Offset<str>>(2);}if prepared_status.is_some() {table_writer.write_entry::<self::RelayOkStatus>(1);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_relay_url) = prepared_relay_url {object_writer.write::<_, _, 4>(&prepared_relay_url);}if let ::core::option::Option::Some(prepared_message) = prepared_message {object_writer.write::<_, _, 4>(&prepared_message);}if let ::core::option::Option::Some(prepared_status) = prepared_status {object_writer.write::<_, _, 1>(&prepared_status);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<RelayOk>> for RelayOk {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<RelayOk> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<RelayOk>> for RelayOk {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<RelayOk>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<RelayOk> for RelayOk {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<RelayOk> {
        RelayOk::create(
            builder,
        
            
            &self.relay_url,
            
        
            
            self.status,
            
        
            
            &self.message,
            
        
        )
    }
}

/// Builder for serializing an instance of the [RelayOk] type.
///
/// Can be created using the [RelayOk::builder] method.
#[derive(Debug)]
#[must_use]
pub struct RelayOkBuilder<State>(State);

impl<
    
> RelayOkBuilder
<
    (
    
    )
>
{
    /// Setter for the [`relay_url` field](RelayOk#structfield.relay_url).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn relay_url<T0>(self, value: T0) -> RelayOkBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        RelayOkBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`relay_url` field](RelayOk#structfield.relay_url) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn relay_url_as_null(self) -> RelayOkBuilder<(
        
        (),
    )>
    {
        self.relay_url(())
    }
    
}

impl<
    
        T0,
    
> RelayOkBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`status` field](RelayOk#structfield.status).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn status<T1>(self, value: T1) -> RelayOkBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<self::RelayOkStatus, self::RelayOkStatus>
    {
        
        let (
            
                v0,
            
        ) = self.0;RelayOkBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`status` field](RelayOk#structfield.status) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn status_as_default(self) -> RelayOkBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.status(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
> RelayOkBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`message` field](RelayOk#structfield.message).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn message<T2>(self, value: T2) -> RelayOkBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;RelayOkBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
    /// Sets the [`message` field](RelayOk#structfield.message) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn message_as_null(self) -> RelayOkBuilder<(
        
            T0,
        
            T1,
        
        (),
    )>
    {
        self.message(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> RelayOkBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [RelayOk].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<RelayOk>
        where Self: ::planus::WriteAsOffset<RelayOk>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T1: ::planus::WriteAsDefault<self::RelayOkStatus, self::RelayOkStatus>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAs<::planus::Offset<RelayOk>> for RelayOkBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<RelayOk>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<RelayOk> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T1: ::planus::WriteAsDefault<self::RelayOkStatus, self::RelayOkStatus>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<RelayOk>> for RelayOkBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<RelayOk>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<RelayOk>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T1: ::planus::WriteAsDefault<self::RelayOkStatus, self::RelayOkStatus>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOffset<RelayOk> for RelayOkBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<RelayOk> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;RelayOk::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [RelayOk].
#[derive(Copy, Clone)]
pub struct RelayOkRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> RelayOkRef<'a> {
    
        /// Getter for the [`relay_url` field](RelayOk#structfield.relay_url).
        #[inline]
        pub fn relay_url(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(0, "RelayOk", "relay_url")
              
            
            
            
        }
    
        /// Getter for the [`status` field](RelayOk#structfield.status).
        #[inline]
        pub fn status(&self) -> ::planus::Result<self::RelayOkStatus> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "RelayOk", "status")
              
            
            ?.unwrap_or(self::RelayOkStatus::Accepted))
            
        }
    
        /// Getter for the [`message` field](RelayOk#structfield.message).
        #[inline]
        pub fn message(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(2, "RelayOk", "message")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for RelayOkRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("RelayOkRef");
        if let ::core::option::Option::Some(field_relay_url) = self.relay_url().transpose() {
                f.field("relay_url", &field_relay_url);
            }f.field("status", &self.status());if let ::core::option::Option::Some(field_message) = self.message().transpose() {
                f.field("message", &field_message);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<RelayOkRef<'a>> for RelayOk {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: RelayOkRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            relay_url: 
                                value.relay_url()?.map(::core::convert::Into::into)
                            ,status: ::core::convert::TryInto::try_into(value.status()?)?,message: 
                                value.message()?.map(::core::convert::Into::into)
                            ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for RelayOkRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for RelayOkRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[RelayOkRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<RelayOk>> for RelayOk {
    type Value = ::planus::Offset<RelayOk>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<RelayOk>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for RelayOkRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[RelayOkRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Open (or replace) a subscription: one REQ with all `filters` on each relay.
/// 
/// Generated from these locations:
/// * Table `Subscribe` in the file `schemas/connections.fbs:13`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Subscribe{
    
        /// The field `subscription_id` in the table `Subscribe`
        pub subscription_id: ::planus::alloc::string::String,
        ///  Relay URLs; absent: the pool's default read relays.
        pub relays: ::core::option::Option<::planus::alloc::vec::Vec<::planus::alloc::string::String>>,
        /// The field `filters` in the table `Subscribe`
        pub filters: ::core::option::Option<::planus::alloc::vec::Vec<self::Filter>>,
        ///  CLOSE on each relay after its EOSE.
        pub close_on_eose: bool,
        ///  Fail with `QueueFull` instead of waiting when a relay's send queue is full.
        pub no_wait: bool,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Subscribe {
    fn default() -> Self {
        Self {
        subscription_id: ::core::default::Default::default(),
        relays: ::core::default::Default::default(),
        filters: ::core::default::Default::default(),
        close_on_eose: false,
        no_wait: false,
        
        }
    }
}


impl Subscribe {
    /// Creates a [SubscribeBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> SubscribeBuilder<()> {
        SubscribeBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_subscription_id: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_relays: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
        field_filters: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>,
        field_close_on_eose: impl ::planus::WriteAsDefault<bool, bool>,
        field_no_wait: impl ::planus::WriteAsDefault<bool, bool>,
        
    ) -> ::planus::Offset<Self> {let prepared_subscription_id = field_subscription_id.prepare(builder);let prepared_relays = field_relays.prepare(builder);let prepared_filters = field_filters.prepare(builder);let prepared_close_on_eose = field_close_on_eose.prepare(builder, &false);let prepared_no_wait = field_no_wait.prepare(builder, &false);

        let mut table_writer: ::planus::table_writer::TableWriter::<14> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);if prepared_relays.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<str>]>>(1);}if prepared_filters.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::Filter>]>>(2);}if prepared_close_on_eose.is_some() {table_writer.write_entry::<bool>(3);}if prepared_no_wait.is_some() {table_writer.write_entry::<bool>(4);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_subscription_id);if let ::core::option::Option::Some(prepared_relays) = prepared_relays {object_writer.write::<_, _, 4>(&prepared_relays);}if let ::core::option::Option::Some(prepared_filters) = prepared_filters {object_writer.write::<_, _, 4>(&prepared_filters);}if let ::core::option::Option::Some(prepared_close_on_eose) = prepared_close_on_eose {object_writer.write::<_, _, 1>(&prepared_close_on_eose);}if let ::core::option::Option::Some(prepared_no_wait) = prepared_no_wait {object_writer.write::<_, _, 1>(&prepared_no_wait);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Subscribe>> for Subscribe {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Subscribe> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Subscribe>> for Subscribe {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Subscribe>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Subscribe> for Subscribe {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Subscribe> {
        Subscribe::create(
            builder,
        
            
            &self.subscription_id,
            
        
            
            &self.relays,
            
        
            
            &self.filters,
            
        
            
            self.close_on_eose,
            
        
            
            self.no_wait,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Subscribe] type.
///
/// Can be created using the [Subscribe::builder] method.
#[derive(Debug)]
#[must_use]
pub struct SubscribeBuilder<State>(State);

impl<
    
> SubscribeBuilder
<
    (
    
    )
>
{
    /// Setter for the [`subscription_id` field](Subscribe#structfield.subscription_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn subscription_id<T0>(self, value: T0) -> SubscribeBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        SubscribeBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> SubscribeBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`relays` field](Subscribe#structfield.relays).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn relays<T1>(self, value: T1) -> SubscribeBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>
    {
        
        let (
            
                v0,
            
        ) = self.0;SubscribeBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`relays` field](Subscribe#structfield.relays) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn relays_as_null(self) -> SubscribeBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.relays(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
> SubscribeBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`filters` field](Subscribe#structfield.filters).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn filters<T2>(self, value: T2) -> SubscribeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;SubscribeBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
    /// Sets the [`filters` field](Subscribe#structfield.filters) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn filters_as_null(self) -> SubscribeBuilder<(
        
            T0,
        
            T1,
        
        (),
    )>
    {
        self.filters(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> SubscribeBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`close_on_eose` field](Subscribe#structfield.close_on_eose).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn close_on_eose<T3>(self, value: T3) -> SubscribeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsDefault<bool, bool>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;SubscribeBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    
    /// Sets the [`close_on_eose` field](Subscribe#structfield.close_on_eose) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn close_on_eose_as_default(self) -> SubscribeBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
        ::planus::DefaultValue,
    )>
    {
        self.close_on_eose(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> SubscribeBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`no_wait` field](Subscribe#structfield.no_wait).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn no_wait<T4>(self, value: T4) -> SubscribeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAsDefault<bool, bool>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;SubscribeBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    
    /// Sets the [`no_wait` field](Subscribe#structfield.no_wait) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn no_wait_as_default(self) -> SubscribeBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
        ::planus::DefaultValue,
    )>
    {
        self.no_wait(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> SubscribeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Subscribe].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Subscribe>
        where Self: ::planus::WriteAsOffset<Subscribe>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>,
    
        T3: ::planus::WriteAsDefault<bool, bool>,
    
        T4: ::planus::WriteAsDefault<bool, bool>,
    
> ::planus::WriteAs<::planus::Offset<Subscribe>> for SubscribeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<Subscribe>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Subscribe> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>,
    
        T3: ::planus::WriteAsDefault<bool, bool>,
    
        T4: ::planus::WriteAsDefault<bool, bool>,
    
> ::planus::WriteAsOptional<::planus::Offset<Subscribe>> for SubscribeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<Subscribe>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Subscribe>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Filter>]>>,
    
        T3: ::planus::WriteAsDefault<bool, bool>,
    
        T4: ::planus::WriteAsDefault<bool, bool>,
    
> ::planus::WriteAsOffset<Subscribe> for SubscribeBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Subscribe> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = &self.0;Subscribe::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        )
    }
}

/// Reference to a deserialized [Subscribe].
#[derive(Copy, Clone)]
pub struct SubscribeRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> SubscribeRef<'a> {
    
        /// Getter for the [`subscription_id` field](Subscribe#structfield.subscription_id).
        #[inline]
        pub fn subscription_id(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "Subscribe", "subscription_id")
              
            
            
            
        }
    
        /// Getter for the [`relays` field](Subscribe#structfield.relays).
        #[inline]
        pub fn relays(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<&'a ::core::primitive::str>>>> {
            
            
              
              self.0.access(1, "Subscribe", "relays")
              
            
            
            
        }
    
        /// Getter for the [`filters` field](Subscribe#structfield.filters).
        #[inline]
        pub fn filters(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<self::FilterRef<'a>>>>> {
            
            
              
              self.0.access(2, "Subscribe", "filters")
              
            
            
            
        }
    
        /// Getter for the [`close_on_eose` field](Subscribe#structfield.close_on_eose).
        #[inline]
        pub fn close_on_eose(&self) -> ::planus::Result<bool> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(3, "Subscribe", "close_on_eose")
              
            
            ?.unwrap_or(false))
            
        }
    
        /// Getter for the [`no_wait` field](Subscribe#structfield.no_wait).
        #[inline]
        pub fn no_wait(&self) -> ::planus::Result<bool> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(4, "Subscribe", "no_wait")
              
            
            ?.unwrap_or(false))
            
        }
    
}

impl<'a> ::core::fmt::Debug for SubscribeRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("SubscribeRef");
        f.field("subscription_id", &self.subscription_id());if let ::core::option::Option::Some(field_relays) = self.relays().transpose() {
                f.field("relays", &field_relays);
            }if let ::core::option::Option::Some(field_filters) = self.filters().transpose() {
                f.field("filters", &field_filters);
            }f.field("close_on_eose", &self.close_on_eose());f.field("no_wait", &self.no_wait());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<SubscribeRef<'a>> for Subscribe {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: SubscribeRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            subscription_id: ::core::convert::Into::into(value.subscription_id()?),relays: 
                            if let ::core::option::Option::Some(relays) = value.relays()? {
                                ::core::option::Option::Some(relays.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,filters: 
                            if let ::core::option::Option::Some(filters) = value.filters()? {
                                ::core::option::Option::Some(filters.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,close_on_eose: ::core::convert::TryInto::try_into(value.close_on_eose()?)?,no_wait: ::core::convert::TryInto::try_into(value.no_wait()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for SubscribeRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for SubscribeRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[SubscribeRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Subscribe>> for Subscribe {
    type Value = ::planus::Offset<Subscribe>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Subscribe>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for SubscribeRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[SubscribeRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Close a subscription on every relay.
/// 
/// Generated from these locations:
/// * Table `Close` in the file `schemas/connections.fbs:25`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Close{
    
        /// The field `subscription_id` in the table `Close`
        pub subscription_id: ::planus::alloc::string::String,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Close {
    fn default() -> Self {
        Self {
        subscription_id: ::core::default::Default::default(),
        
        }
    }
}


impl Close {
    /// Creates a [CloseBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CloseBuilder<()> {
        CloseBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_subscription_id: impl ::planus::WriteAs<::planus::Offset<str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_subscription_id = field_subscription_id.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_subscription_id);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Close>> for Close {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Close> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Close>> for Close {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Close>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Close> for Close {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Close> {
        Close::create(
            builder,
        
            
            &self.subscription_id,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Close] type.
///
/// Can be created using the [Close::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CloseBuilder<State>(State);

impl<
    
> CloseBuilder
<
    (
    
    )
>
{
    /// Setter for the [`subscription_id` field](Close#structfield.subscription_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn subscription_id<T0>(self, value: T0) -> CloseBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        CloseBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> CloseBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Close].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Close>
        where Self: ::planus::WriteAsOffset<Close>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAs<::planus::Offset<Close>> for CloseBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<Close>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Close> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Close>> for CloseBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<Close>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Close>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOffset<Close> for CloseBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Close> {
        
        let (
            
                v0,
            
        ) = &self.0;Close::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [Close].
#[derive(Copy, Clone)]
pub struct CloseRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> CloseRef<'a> {
    
        /// Getter for the [`subscription_id` field](Close#structfield.subscription_id).
        #[inline]
        pub fn subscription_id(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "Close", "subscription_id")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for CloseRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("CloseRef");
        f.field("subscription_id", &self.subscription_id());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<CloseRef<'a>> for Close {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: CloseRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            subscription_id: ::core::convert::Into::into(value.subscription_id()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for CloseRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for CloseRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[CloseRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Close>> for Close {
    type Value = ::planus::Offset<Close>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Close>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for CloseRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[CloseRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Publish an event (EVENT) and collect each relay's OK.
/// 
/// Generated from these locations:
/// * Table `Publish` in the file `schemas/connections.fbs:30`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Publish{
    
        /// The field `event` in the table `Publish`
        pub event: ::planus::alloc::boxed::Box<self::Event>,
        ///  Relay URLs; absent: the pool's default write relays.
        pub relays: ::core::option::Option<::planus::alloc::vec::Vec<::planus::alloc::string::String>>,
        ///  Per-relay wait for OK in milliseconds; 0 lets the worker choose.
        pub timeout_ms: u32,
        ///  Fail with `QueueFull` instead of waiting when a relay's send queue is full.
        pub no_wait: bool,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Publish {
    fn default() -> Self {
        Self {
        event: ::core::default::Default::default(),
        relays: ::core::default::Default::default(),
        timeout_ms: 0,
        no_wait: false,
        
        }
    }
}


impl Publish {
    /// Creates a [PublishBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> PublishBuilder<()> {
        PublishBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_event: impl ::planus::WriteAs<::planus::Offset<self::Event>>,
        field_relays: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
        field_timeout_ms: impl ::planus::WriteAsDefault<u32, u32>,
        field_no_wait: impl ::planus::WriteAsDefault<bool, bool>,
        
    ) -> ::planus::Offset<Self> {let prepared_event = field_event.prepare(builder);let prepared_relays = field_relays.prepare(builder);let prepared_timeout_ms = field_timeout_ms.prepare(builder, &0);let prepared_no_wait = field_no_wait.prepare(builder, &false);

        let mut table_writer: ::planus::table_writer::TableWriter::<12> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<self::Event>>(0);if prepared_relays.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<str>]>>(1);}if prepared_timeout_ms.is_some() {table_writer.write_entry::<u32>(2);}if prepared_no_wait.is_some() {table_writer.write_entry::<bool>(3);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_event);if let ::core::option::Option::Some(prepared_relays) = prepared_relays {object_writer.write::<_, _, 4>(&prepared_relays);}if let ::core::option::Option::Some(prepared_timeout_ms) = prepared_timeout_ms {object_writer.write::<_, _, 4>(&prepared_timeout_ms);}if let ::core::option::Option::Some(prepared_no_wait) = prepared_no_wait {object_writer.write::<_, _, 1>(&prepared_no_wait);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Publish>> for Publish {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Publish> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Publish>> for Publish {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Publish>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Publish> for Publish {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Publish> {
        Publish::create(
            builder,
        
            
            &self.event,
            
        
            
            &self.relays,
            
        
            
            self.timeout_ms,
            
        
            
            self.no_wait,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Publish] type.
///
/// Can be created using the [Publish::builder] method.
#[derive(Debug)]
#[must_use]
pub struct PublishBuilder<State>(State);

impl<
    
> PublishBuilder
<
    (
    
    )
>
{
    /// Setter for the [`event` field](Publish#structfield.event).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn event<T0>(self, value: T0) -> PublishBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<self::Event>>
    {
        PublishBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> PublishBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`relays` field](Publish#structfield.relays).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn relays<T1>(self, value: T1) -> PublishBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>
    {
        
        let (
            
                v0,
            
        ) = self.0;PublishBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`relays` field](Publish#structfield.relays) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn relays_as_null(self) -> PublishBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.relays(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
> PublishBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`timeout_ms` field](Publish#structfield.timeout_ms).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn timeout_ms<T2>(self, value: T2) -> PublishBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsDefault<u32, u32>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;PublishBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    
    /// Sets the [`timeout_ms` field](Publish#structfield.timeout_ms) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn timeout_ms_as_default(self) -> PublishBuilder<(
        
            T0,
        
            T1,
        
        ::planus::DefaultValue,
    )>
    {
        self.timeout_ms(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> PublishBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`no_wait` field](Publish#structfield.no_wait).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn no_wait<T3>(self, value: T3) -> PublishBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsDefault<bool, bool>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;PublishBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    
    /// Sets the [`no_wait` field](Publish#structfield.no_wait) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn no_wait_as_default(self) -> PublishBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
        ::planus::DefaultValue,
    )>
    {
        self.no_wait(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> PublishBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Publish].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Publish>
        where Self: ::planus::WriteAsOffset<Publish>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Event>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
        T2: ::planus::WriteAsDefault<u32, u32>,
    
        T3: ::planus::WriteAsDefault<bool, bool>,
    
> ::planus::WriteAs<::planus::Offset<Publish>> for PublishBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    type Prepared = ::planus::Offset<Publish>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Publish> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Event>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
        T2: ::planus::WriteAsDefault<u32, u32>,
    
        T3: ::planus::WriteAsDefault<bool, bool>,
    
> ::planus::WriteAsOptional<::planus::Offset<Publish>> for PublishBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    type Prepared = ::planus::Offset<Publish>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Publish>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Event>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<str>]>>,
    
        T2: ::planus::WriteAsDefault<u32, u32>,
    
        T3: ::planus::WriteAsDefault<bool, bool>,
    
> ::planus::WriteAsOffset<Publish> for PublishBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Publish> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = &self.0;Publish::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        )
    }
}

/// Reference to a deserialized [Publish].
#[derive(Copy, Clone)]
pub struct PublishRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> PublishRef<'a> {
    
        /// Getter for the [`event` field](Publish#structfield.event).
        #[inline]
        pub fn event(&self) -> ::planus::Result<self::EventRef<'a>> {
            
            
              
              self.0.access_required(0, "Publish", "event")
              
            
            
            
        }
    
        /// Getter for the [`relays` field](Publish#structfield.relays).
        #[inline]
        pub fn relays(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<&'a ::core::primitive::str>>>> {
            
            
              
              self.0.access(1, "Publish", "relays")
              
            
            
            
        }
    
        /// Getter for the [`timeout_ms` field](Publish#structfield.timeout_ms).
        #[inline]
        pub fn timeout_ms(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(2, "Publish", "timeout_ms")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`no_wait` field](Publish#structfield.no_wait).
        #[inline]
        pub fn no_wait(&self) -> ::planus::Result<bool> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(3, "Publish", "no_wait")
              
            
            ?.unwrap_or(false))
            
        }
    
}

impl<'a> ::core::fmt::Debug for PublishRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("PublishRef");
        f.field("event", &self.event());if let ::core::option::Option::Some(field_relays) = self.relays().transpose() {
                f.field("relays", &field_relays);
            }f.field("timeout_ms", &self.timeout_ms());f.field("no_wait", &self.no_wait());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<PublishRef<'a>> for Publish {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: PublishRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            event: ::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(value.event()?)?),relays: 
                            if let ::core::option::Option::Some(relays) = value.relays()? {
                                ::core::option::Option::Some(relays.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,timeout_ms: ::core::convert::TryInto::try_into(value.timeout_ms()?)?,no_wait: ::core::convert::TryInto::try_into(value.no_wait()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for PublishRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for PublishRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[PublishRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Publish>> for Publish {
    type Value = ::planus::Offset<Publish>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Publish>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for PublishRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[PublishRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  A relay's NIP-11 limits learned at run time (e.g. from its information document). They
///  apply to subscriptions opened afterwards; 0 means no limit.
/// 
/// Generated from these locations:
/// * Table `SetRelayLimits` in the file `schemas/connections.fbs:42`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct SetRelayLimits{
    
        /// The field `relay_url` in the table `SetRelayLimits`
        pub relay_url: ::planus::alloc::string::String,
        ///  Most subscriptions open at once on one connection (`max_subscriptions`).
        pub max_subscriptions: u32,
        ///  Most filters in one REQ (`max_filters`).
        pub max_filters: u32,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for SetRelayLimits {
    fn default() -> Self {
        Self {
        relay_url: ::core::default::Default::default(),
        max_subscriptions: 0,
        max_filters: 0,
        
        }
    }
}


impl SetRelayLimits {
    /// Creates a [SetRelayLimitsBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> SetRelayLimitsBuilder<()> {
        SetRelayLimitsBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_relay_url: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_max_subscriptions: impl ::planus::WriteAsDefault<u32, u32>,
        field_max_filters: impl ::planus::WriteAsDefault<u32, u32>,
        
    ) -> ::planus::Offset<Self> {let prepared_relay_url = field_relay_url.prepare(builder);let prepared_max_subscriptions = field_max_subscriptions.prepare(builder, &0);let prepared_max_filters = field_max_filters.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);if prepared_max_subscriptions.is_some() {table_writer.write_entry::<u32>(1);}if prepared_max_filters.is_some() {table_writer.write_entry::<u32>(2);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_relay_url);if let ::core::option::Option::Some(prepared_max_subscriptions) = prepared_max_subscriptions {object_writer.write::<_, _, 4>(&prepared_max_subscriptions);}if let ::core::option::Option::Some(prepared_max_filters) = prepared_max_filters {object_writer.write::<_, _, 4>(&prepared_max_filters);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<SetRelayLimits>> for SetRelayLimits {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SetRelayLimits> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<SetRelayLimits>> for SetRelayLimits {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SetRelayLimits>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<SetRelayLimits> for SetRelayLimits {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SetRelayLimits> {
        SetRelayLimits::create(
            builder,
        
            
            &self.relay_url,
            
        
            
            self.max_subscriptions,
            
        
            
            self.max_filters,
            
        
        )
    }
}

/// Builder for serializing an instance of the [SetRelayLimits] type.
///
/// Can be created using the [SetRelayLimits::builder] method.
#[derive(Debug)]
#[must_use]
pub struct SetRelayLimitsBuilder<State>(State);

impl<
    
> SetRelayLimitsBuilder
<
    (
    
    )
>
{
    /// Setter for the [`relay_url` field](SetRelayLimits#structfield.relay_url).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn relay_url<T0>(self, value: T0) -> SetRelayLimitsBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        SetRelayLimitsBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> SetRelayLimitsBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`max_subscriptions` field](SetRelayLimits#structfield.max_subscriptions).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn max_subscriptions<T1>(self, value: T1) -> SetRelayLimitsBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<u32, u32>
    {
        
        let (
            
                v0,
            
        ) = self.0;SetRelayLimitsBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`max_subscriptions` field](SetRelayLimits#structfield.max_subscriptions) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn max_subscriptions_as_default(self) -> SetRelayLimitsBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.max_subscriptions(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
> SetRelayLimitsBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`max_filters` field](SetRelayLimits#structfield.max_filters).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn max_filters<T2>(self, value: T2) -> SetRelayLimitsBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsDefault<u32, u32>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;SetRelayLimitsBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    
    /// Sets the [`max_filters` field](SetRelayLimits#structfield.max_filters) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn max_filters_as_default(self) -> SetRelayLimitsBuilder<(
        
            T0,
        
            T1,
        
        ::planus::DefaultValue,
    )>
    {
        self.max_filters(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> SetRelayLimitsBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [SetRelayLimits].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<SetRelayLimits>
        where Self: ::planus::WriteAsOffset<SetRelayLimits>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<u32, u32>,
    
        T2: ::planus::WriteAsDefault<u32, u32>,
    
> ::planus::WriteAs<::planus::Offset<SetRelayLimits>> for SetRelayLimitsBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<SetRelayLimits>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SetRelayLimits> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<u32, u32>,
    
        T2: ::planus::WriteAsDefault<u32, u32>,
    
> ::planus::WriteAsOptional<::planus::Offset<SetRelayLimits>> for SetRelayLimitsBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<SetRelayLimits>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SetRelayLimits>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<u32, u32>,
    
        T2: ::planus::WriteAsDefault<u32, u32>,
    
> ::planus::WriteAsOffset<SetRelayLimits> for SetRelayLimitsBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SetRelayLimits> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;SetRelayLimits::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [SetRelayLimits].
#[derive(Copy, Clone)]
pub struct SetRelayLimitsRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> SetRelayLimitsRef<'a> {
    
        /// Getter for the [`relay_url` field](SetRelayLimits#structfield.relay_url).
        #[inline]
        pub fn relay_url(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "SetRelayLimits", "relay_url")
              
            
            
            
        }
    
        /// Getter for the [`max_subscriptions` field](SetRelayLimits#structfield.max_subscriptions).
        #[inline]
        pub fn max_subscriptions(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "SetRelayLimits", "max_subscriptions")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`max_filters` field](SetRelayLimits#structfield.max_filters).
        #[inline]
        pub fn max_filters(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(2, "SetRelayLimits", "max_filters")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for SetRelayLimitsRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("SetRelayLimitsRef");
        f.field("relay_url", &self.relay_url());f.field("max_subscriptions", &self.max_subscriptions());f.field("max_filters", &self.max_filters());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<SetRelayLimitsRef<'a>> for SetRelayLimits {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: SetRelayLimitsRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            relay_url: ::core::convert::Into::into(value.relay_url()?),max_subscriptions: ::core::convert::TryInto::try_into(value.max_subscriptions()?)?,max_filters: ::core::convert::TryInto::try_into(value.max_filters()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for SetRelayLimitsRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for SetRelayLimitsRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[SetRelayLimitsRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<SetRelayLimits>> for SetRelayLimits {
    type Value = ::planus::Offset<SetRelayLimits>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<SetRelayLimits>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for SetRelayLimitsRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[SetRelayLimitsRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Every request the connections worker serves for the parser.
/// 
/// Generated from these locations:
/// * Union `ConnectionsRequestBody` in the file `schemas/connections.fbs:51`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize)]
pub enum ConnectionsRequestBody{
    
        /// The variant of type `Subscribe` in the union `ConnectionsRequestBody`
        Subscribe(::planus::alloc::boxed::Box<self::Subscribe>),
    
        /// The variant of type `Close` in the union `ConnectionsRequestBody`
        Close(::planus::alloc::boxed::Box<self::Close>),
    
        /// The variant of type `Publish` in the union `ConnectionsRequestBody`
        Publish(::planus::alloc::boxed::Box<self::Publish>),
    
        /// The variant of type `SetRelayLimits` in the union `ConnectionsRequestBody`
        SetRelayLimits(::planus::alloc::boxed::Box<self::SetRelayLimits>),
    
}


impl ConnectionsRequestBody {
    /// Creates a [ConnectionsRequestBodyBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ConnectionsRequestBodyBuilder<::planus::Uninitialized> {
        ConnectionsRequestBodyBuilder(::planus::Uninitialized)
    }

    #[inline]
    pub fn create_subscribe(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Subscribe>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(1, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_close(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Close>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(2, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_publish(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Publish>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(3, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_set_relay_limits(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::SetRelayLimits>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(4, value.prepare(builder).downcast())
    }

    
}



impl ::planus::WriteAsUnion<ConnectionsRequestBody> for ConnectionsRequestBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Self> {
        match self {
            Self::Subscribe(value) => Self::create_subscribe(builder, value),
            Self::Close(value) => Self::create_close(builder, value),
            Self::Publish(value) => Self::create_publish(builder, value),
            Self::SetRelayLimits(value) => Self::create_set_relay_limits(builder, value),
            
        }
    }
}


impl ::planus::WriteAsOptionalUnion<ConnectionsRequestBody> for ConnectionsRequestBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Self>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}

/// Builder for serializing an instance of the [ConnectionsRequestBody] type.
///
/// Can be created using the [ConnectionsRequestBody::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ConnectionsRequestBodyBuilder<T>(T);

impl ConnectionsRequestBodyBuilder<::planus::Uninitialized> {
    /// Creates an instance of the [`Subscribe` variant](ConnectionsRequestBody#variant.Subscribe).
    #[inline]
    pub fn subscribe<T>(
        self,
        value: T,
    ) -> ConnectionsRequestBodyBuilder<::planus::Initialized<1, T>>
        where T: ::planus::WriteAsOffset<self::Subscribe> {
        ConnectionsRequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Close` variant](ConnectionsRequestBody#variant.Close).
    #[inline]
    pub fn close<T>(
        self,
        value: T,
    ) -> ConnectionsRequestBodyBuilder<::planus::Initialized<2, T>>
        where T: ::planus::WriteAsOffset<self::Close> {
        ConnectionsRequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Publish` variant](ConnectionsRequestBody#variant.Publish).
    #[inline]
    pub fn publish<T>(
        self,
        value: T,
    ) -> ConnectionsRequestBodyBuilder<::planus::Initialized<3, T>>
        where T: ::planus::WriteAsOffset<self::Publish> {
        ConnectionsRequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`SetRelayLimits` variant](ConnectionsRequestBody#variant.SetRelayLimits).
    #[inline]
    pub fn set_relay_limits<T>(
        self,
        value: T,
    ) -> ConnectionsRequestBodyBuilder<::planus::Initialized<4, T>>
        where T: ::planus::WriteAsOffset<self::SetRelayLimits> {
        ConnectionsRequestBodyBuilder(::planus::Initialized(value))
    }

    
}

impl<const N: u8, T> ConnectionsRequestBodyBuilder<::planus::Initialized<N, T>> {
    /// Finish writing the builder to get an [UnionOffset](::planus::UnionOffset) to a serialized [ConnectionsRequestBody].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ConnectionsRequestBody>
        where Self: ::planus::WriteAsUnion<ConnectionsRequestBody>
    {
        ::planus::WriteAsUnion::prepare(&self, builder)
    }
}

impl<T> ::planus::WriteAsUnion<ConnectionsRequestBody> for ConnectionsRequestBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::Subscribe>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ConnectionsRequestBody> {
        ::planus::UnionOffset::new(1, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ConnectionsRequestBody> for ConnectionsRequestBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::Subscribe>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ConnectionsRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ConnectionsRequestBody> for ConnectionsRequestBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::Close>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ConnectionsRequestBody> {
        ::planus::UnionOffset::new(2, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ConnectionsRequestBody> for ConnectionsRequestBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::Close>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ConnectionsRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ConnectionsRequestBody> for ConnectionsRequestBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::Publish>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ConnectionsRequestBody> {
        ::planus::UnionOffset::new(3, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ConnectionsRequestBody> for ConnectionsRequestBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::Publish>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ConnectionsRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ConnectionsRequestBody> for ConnectionsRequestBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::SetRelayLimits>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ConnectionsRequestBody> {
        ::planus::UnionOffset::new(4, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ConnectionsRequestBody> for ConnectionsRequestBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::SetRelayLimits>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ConnectionsRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}


/// Reference to a deserialized [ConnectionsRequestBody].
#[derive(Copy, Clone, Debug)]
pub enum ConnectionsRequestBodyRef<'a>{
    Subscribe(self::SubscribeRef<'a>),
    Close(self::CloseRef<'a>),
    Publish(self::PublishRef<'a>),
    SetRelayLimits(self::SetRelayLimitsRef<'a>),
    
}


impl<'a> ::core::convert::TryFrom<ConnectionsRequestBodyRef<'a>> for ConnectionsRequestBody {
    type Error = ::planus::Error;

    fn try_from(value: ConnectionsRequestBodyRef<'a>) -> ::planus::Result<Self> {
        ::core::result::Result::Ok(match value {
            
                ConnectionsRequestBodyRef::Subscribe(value) => Self::Subscribe(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ConnectionsRequestBodyRef::Close(value) => Self::Close(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ConnectionsRequestBodyRef::Publish(value) => Self::Publish(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ConnectionsRequestBodyRef::SetRelayLimits(value) => Self::SetRelayLimits(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
        })
    }
}



impl<'a> ::planus::TableReadUnion<'a> for ConnectionsRequestBodyRef<'a> {
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, tag: u8, field_offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        match tag {
            1 => ::core::result::Result::Ok(Self::Subscribe(::planus::TableRead::from_buffer(buffer, field_offset)?)),2 => ::core::result::Result::Ok(Self::Close(::planus::TableRead::from_buffer(buffer, field_offset)?)),3 => ::core::result::Result::Ok(Self::Publish(::planus::TableRead::from_buffer(buffer, field_offset)?)),4 => ::core::result::Result::Ok(Self::SetRelayLimits(::planus::TableRead::from_buffer(buffer, field_offset)?)),_ => ::core::result::Result::Err(::planus::errors::ErrorKind::UnknownUnionTag { tag }),
        }
    }
}



impl<'a> ::planus::VectorReadUnion<'a> for ConnectionsRequestBodyRef<'a> {
    const VECTOR_NAME: &'static str = "[ConnectionsRequestBodyRef]";
}


    
///  Root message: a request to the connections worker.
/// 
/// Generated from these locations:
/// * Table `ConnectionsRequest` in the file `schemas/connections.fbs:59`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct ConnectionsRequest{
    
        /// The field `request_id` in the table `ConnectionsRequest`
        pub request_id: u64,
        /// The field `body` in the table `ConnectionsRequest`
        pub body: self::ConnectionsRequestBody,}



impl ConnectionsRequest {
    /// Creates a [ConnectionsRequestBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ConnectionsRequestBuilder<()> {
        ConnectionsRequestBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_request_id: impl ::planus::WriteAsDefault<u64, u64>,
        field_body: impl ::planus::WriteAsUnion<self::ConnectionsRequestBody>,
        
    ) -> ::planus::Offset<Self> {let prepared_request_id = field_request_id.prepare(builder, &0);let prepared_body = field_body.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        if prepared_request_id.is_some() {table_writer.write_entry::<u64>(0);}table_writer.write_entry::<::planus::Offset<self::ConnectionsRequestBody>>(2);table_writer.write_entry::<u8>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_request_id) = prepared_request_id {object_writer.write::<_, _, 8>(&prepared_request_id);}object_writer.write::<_, _, 4>(&prepared_body.offset());object_writer.write::<_, _, 1>(&prepared_body.tag());
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<ConnectionsRequest>> for ConnectionsRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConnectionsRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<ConnectionsRequest>> for ConnectionsRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ConnectionsRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<ConnectionsRequest> for ConnectionsRequest {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConnectionsRequest> {
        ConnectionsRequest::create(
            builder,
        
            
            self.request_id,
            
        
            
            &self.body,
            
        
        )
    }
}

/// Builder for serializing an instance of the [ConnectionsRequest] type.
///
/// Can be created using the [ConnectionsRequest::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ConnectionsRequestBuilder<State>(State);

impl<
    
> ConnectionsRequestBuilder
<
    (
    
    )
>
{
    /// Setter for the [`request_id` field](ConnectionsRequest#structfield.request_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id<T0>(self, value: T0) -> ConnectionsRequestBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        ConnectionsRequestBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`request_id` field](ConnectionsRequest#structfield.request_id) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id_as_default(self) -> ConnectionsRequestBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.request_id(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> ConnectionsRequestBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`body` field](ConnectionsRequest#structfield.body).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn body<T1>(self, value: T1) -> ConnectionsRequestBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsUnion<self::ConnectionsRequestBody>
    {
        
        let (
            
                v0,
            
        ) = self.0;ConnectionsRequestBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> ConnectionsRequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [ConnectionsRequest].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConnectionsRequest>
        where Self: ::planus::WriteAsOffset<ConnectionsRequest>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::ConnectionsRequestBody>,
    
> ::planus::WriteAs<::planus::Offset<ConnectionsRequest>> for ConnectionsRequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<ConnectionsRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConnectionsRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::ConnectionsRequestBody>,
    
> ::planus::WriteAsOptional<::planus::Offset<ConnectionsRequest>> for ConnectionsRequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<ConnectionsRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ConnectionsRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::ConnectionsRequestBody>,
    
> ::planus::WriteAsOffset<ConnectionsRequest> for ConnectionsRequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConnectionsRequest> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;ConnectionsRequest::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [ConnectionsRequest].
#[derive(Copy, Clone)]
pub struct ConnectionsRequestRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> ConnectionsRequestRef<'a> {
    
        /// Getter for the [`request_id` field](ConnectionsRequest#structfield.request_id).
        #[inline]
        pub fn request_id(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "ConnectionsRequest", "request_id")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`body` field](ConnectionsRequest#structfield.body).
        #[inline]
        pub fn body(&self) -> ::planus::Result<self::ConnectionsRequestBodyRef<'a>> {
            
            
              
              self.0.access_union_required(1, "ConnectionsRequest", "body")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for ConnectionsRequestRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ConnectionsRequestRef");
        f.field("request_id", &self.request_id());f.field("body", &self.body());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<ConnectionsRequestRef<'a>> for ConnectionsRequest {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: ConnectionsRequestRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            request_id: ::core::convert::TryInto::try_into(value.request_id()?)?,body: ::core::convert::TryInto::try_into(value.body()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for ConnectionsRequestRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for ConnectionsRequestRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[ConnectionsRequestRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<ConnectionsRequest>> for ConnectionsRequest {
    type Value = ::planus::Offset<ConnectionsRequest>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<ConnectionsRequest>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for ConnectionsRequestRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[ConnectionsRequestRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  A relay sent an event for a subscription (after cross-relay dedup: once per event).
/// 
/// Generated from these locations:
/// * Table `EventReceived` in the file `schemas/connections.fbs:65`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct EventReceived{
    
        /// The field `subscription_id` in the table `EventReceived`
        pub subscription_id: ::planus::alloc::string::String,
        /// The field `relay_url` in the table `EventReceived`
        pub relay_url: ::planus::alloc::string::String,
        /// The field `event` in the table `EventReceived`
        pub event: ::planus::alloc::boxed::Box<self::Event>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for EventReceived {
    fn default() -> Self {
        Self {
        subscription_id: ::core::default::Default::default(),
        relay_url: ::core::default::Default::default(),
        event: ::core::default::Default::default(),
        
        }
    }
}


impl EventReceived {
    /// Creates a [EventReceivedBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> EventReceivedBuilder<()> {
        EventReceivedBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_subscription_id: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_relay_url: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_event: impl ::planus::WriteAs<::planus::Offset<self::Event>>,
        
    ) -> ::planus::Offset<Self> {let prepared_subscription_id = field_subscription_id.prepare(builder);let prepared_relay_url = field_relay_url.prepare(builder);let prepared_event = field_event.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);table_writer.write_entry::<::planus::Offset<str>>(1);table_writer.write_entry::<::planus::Offset<self::Event>>(2);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_subscription_id);object_writer.write::<_, _, 4>(&prepared_relay_url);object_writer.write::<_, _, 4>(&prepared_event);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<EventReceived>> for EventReceived {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<EventReceived> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<EventReceived>> for EventReceived {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<EventReceived>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<EventReceived> for EventReceived {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<EventReceived> {
        EventReceived::create(
            builder,
        
            
            &self.subscription_id,
            
        
            
            &self.relay_url,
            
        
            
            &self.event,
            
        
        )
    }
}

/// Builder for serializing an instance of the [EventReceived] type.
///
/// Can be created using the [EventReceived::builder] method.
#[derive(Debug)]
#[must_use]
pub struct EventReceivedBuilder<State>(State);

impl<
    
> EventReceivedBuilder
<
    (
    
    )
>
{
    /// Setter for the [`subscription_id` field](EventReceived#structfield.subscription_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn subscription_id<T0>(self, value: T0) -> EventReceivedBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        EventReceivedBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> EventReceivedBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`relay_url` field](EventReceived#structfield.relay_url).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn relay_url<T1>(self, value: T1) -> EventReceivedBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;EventReceivedBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> EventReceivedBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`event` field](EventReceived#structfield.event).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn event<T2>(self, value: T2) -> EventReceivedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAs<::planus::Offset<self::Event>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;EventReceivedBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> EventReceivedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [EventReceived].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<EventReceived>
        where Self: ::planus::WriteAsOffset<EventReceived>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<::planus::Offset<self::Event>>,
    
> ::planus::WriteAs<::planus::Offset<EventReceived>> for EventReceivedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<EventReceived>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<EventReceived> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<::planus::Offset<self::Event>>,
    
> ::planus::WriteAsOptional<::planus::Offset<EventReceived>> for EventReceivedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<EventReceived>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<EventReceived>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<::planus::Offset<self::Event>>,
    
> ::planus::WriteAsOffset<EventReceived> for EventReceivedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<EventReceived> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;EventReceived::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [EventReceived].
#[derive(Copy, Clone)]
pub struct EventReceivedRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> EventReceivedRef<'a> {
    
        /// Getter for the [`subscription_id` field](EventReceived#structfield.subscription_id).
        #[inline]
        pub fn subscription_id(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "EventReceived", "subscription_id")
              
            
            
            
        }
    
        /// Getter for the [`relay_url` field](EventReceived#structfield.relay_url).
        #[inline]
        pub fn relay_url(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "EventReceived", "relay_url")
              
            
            
            
        }
    
        /// Getter for the [`event` field](EventReceived#structfield.event).
        #[inline]
        pub fn event(&self) -> ::planus::Result<self::EventRef<'a>> {
            
            
              
              self.0.access_required(2, "EventReceived", "event")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for EventReceivedRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("EventReceivedRef");
        f.field("subscription_id", &self.subscription_id());f.field("relay_url", &self.relay_url());f.field("event", &self.event());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<EventReceivedRef<'a>> for EventReceived {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: EventReceivedRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            subscription_id: ::core::convert::Into::into(value.subscription_id()?),relay_url: ::core::convert::Into::into(value.relay_url()?),event: ::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(value.event()?)?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for EventReceivedRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for EventReceivedRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[EventReceivedRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<EventReceived>> for EventReceived {
    type Value = ::planus::Offset<EventReceived>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<EventReceived>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for EventReceivedRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[EventReceivedRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  A relay sent EOSE for a subscription.
/// 
/// Generated from these locations:
/// * Table `Eose` in the file `schemas/connections.fbs:72`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Eose{
    
        /// The field `subscription_id` in the table `Eose`
        pub subscription_id: ::planus::alloc::string::String,
        /// The field `relay_url` in the table `Eose`
        pub relay_url: ::planus::alloc::string::String,
        ///  Relays of this subscription still before their EOSE; 0 means every relay is done.
        pub pending_relays: u32,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Eose {
    fn default() -> Self {
        Self {
        subscription_id: ::core::default::Default::default(),
        relay_url: ::core::default::Default::default(),
        pending_relays: 0,
        
        }
    }
}


impl Eose {
    /// Creates a [EoseBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> EoseBuilder<()> {
        EoseBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_subscription_id: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_relay_url: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_pending_relays: impl ::planus::WriteAsDefault<u32, u32>,
        
    ) -> ::planus::Offset<Self> {let prepared_subscription_id = field_subscription_id.prepare(builder);let prepared_relay_url = field_relay_url.prepare(builder);let prepared_pending_relays = field_pending_relays.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);table_writer.write_entry::<::planus::Offset<str>>(1);if prepared_pending_relays.is_some() {table_writer.write_entry::<u32>(2);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_subscription_id);object_writer.write::<_, _, 4>(&prepared_relay_url);if let ::core::option::Option::Some(prepared_pending_relays) = prepared_pending_relays {object_writer.write::<_, _, 4>(&prepared_pending_relays);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Eose>> for Eose {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Eose> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Eose>> for Eose {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Eose>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Eose> for Eose {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Eose> {
        Eose::create(
            builder,
        
            
            &self.subscription_id,
            
        
            
            &self.relay_url,
            
        
            
            self.pending_relays,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Eose] type.
///
/// Can be created using the [Eose::builder] method.
#[derive(Debug)]
#[must_use]
pub struct EoseBuilder<State>(State);

impl<
    
> EoseBuilder
<
    (
    
    )
>
{
    /// Setter for the [`subscription_id` field](Eose#structfield.subscription_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn subscription_id<T0>(self, value: T0) -> EoseBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        EoseBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> EoseBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`relay_url` field](Eose#structfield.relay_url).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn relay_url<T1>(self, value: T1) -> EoseBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;EoseBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> EoseBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`pending_relays` field](Eose#structfield.pending_relays).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn pending_relays<T2>(self, value: T2) -> EoseBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsDefault<u32, u32>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;EoseBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    
    /// Sets the [`pending_relays` field](Eose#structfield.pending_relays) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn pending_relays_as_default(self) -> EoseBuilder<(
        
            T0,
        
            T1,
        
        ::planus::DefaultValue,
    )>
    {
        self.pending_relays(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> EoseBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Eose].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Eose>
        where Self: ::planus::WriteAsOffset<Eose>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsDefault<u32, u32>,
    
> ::planus::WriteAs<::planus::Offset<Eose>> for EoseBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<Eose>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Eose> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsDefault<u32, u32>,
    
> ::planus::WriteAsOptional<::planus::Offset<Eose>> for EoseBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<Eose>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Eose>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsDefault<u32, u32>,
    
> ::planus::WriteAsOffset<Eose> for EoseBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Eose> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;Eose::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [Eose].
#[derive(Copy, Clone)]
pub struct EoseRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> EoseRef<'a> {
    
        /// Getter for the [`subscription_id` field](Eose#structfield.subscription_id).
        #[inline]
        pub fn subscription_id(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "Eose", "subscription_id")
              
            
            
            
        }
    
        /// Getter for the [`relay_url` field](Eose#structfield.relay_url).
        #[inline]
        pub fn relay_url(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "Eose", "relay_url")
              
            
            
            
        }
    
        /// Getter for the [`pending_relays` field](Eose#structfield.pending_relays).
        #[inline]
        pub fn pending_relays(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(2, "Eose", "pending_relays")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for EoseRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("EoseRef");
        f.field("subscription_id", &self.subscription_id());f.field("relay_url", &self.relay_url());f.field("pending_relays", &self.pending_relays());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<EoseRef<'a>> for Eose {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: EoseRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            subscription_id: ::core::convert::Into::into(value.subscription_id()?),relay_url: ::core::convert::Into::into(value.relay_url()?),pending_relays: ::core::convert::TryInto::try_into(value.pending_relays()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for EoseRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for EoseRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[EoseRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Eose>> for Eose {
    type Value = ::planus::Offset<Eose>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Eose>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for EoseRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[EoseRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  A relay closed a subscription (CLOSED), or the worker ended it on that relay.
/// 
/// Generated from these locations:
/// * Table `Closed` in the file `schemas/connections.fbs:80`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Closed{
    
        /// The field `subscription_id` in the table `Closed`
        pub subscription_id: ::planus::alloc::string::String,
        /// The field `relay_url` in the table `Closed`
        pub relay_url: ::planus::alloc::string::String,
        ///  The relay's message, machine-readable prefix included (e.g. "auth-required: ...").
        pub reason: ::core::option::Option<::planus::alloc::string::String>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Closed {
    fn default() -> Self {
        Self {
        subscription_id: ::core::default::Default::default(),
        relay_url: ::core::default::Default::default(),
        reason: ::core::default::Default::default(),
        
        }
    }
}


impl Closed {
    /// Creates a [ClosedBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ClosedBuilder<()> {
        ClosedBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_subscription_id: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_relay_url: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_reason: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_subscription_id = field_subscription_id.prepare(builder);let prepared_relay_url = field_relay_url.prepare(builder);let prepared_reason = field_reason.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);table_writer.write_entry::<::planus::Offset<str>>(1);if prepared_reason.is_some() {table_writer.write_entry::<::planus::Offset<str>>(2);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_subscription_id);object_writer.write::<_, _, 4>(&prepared_relay_url);if let ::core::option::Option::Some(prepared_reason) = prepared_reason {object_writer.write::<_, _, 4>(&prepared_reason);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Closed>> for Closed {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Closed> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Closed>> for Closed {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Closed>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Closed> for Closed {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Closed> {
        Closed::create(
            builder,
        
            
            &self.subscription_id,
            
        
            
            &self.relay_url,
            
        
            
            &self.reason,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Closed] type.
///
/// Can be created using the [Closed::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ClosedBuilder<State>(State);

impl<
    
> ClosedBuilder
<
    (
    
    )
>
{
    /// Setter for the [`subscription_id` field](Closed#structfield.subscription_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn subscription_id<T0>(self, value: T0) -> ClosedBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        ClosedBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> ClosedBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`relay_url` field](Closed#structfield.relay_url).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn relay_url<T1>(self, value: T1) -> ClosedBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;ClosedBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> ClosedBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`reason` field](Closed#structfield.reason).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn reason<T2>(self, value: T2) -> ClosedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;ClosedBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
    /// Sets the [`reason` field](Closed#structfield.reason) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn reason_as_null(self) -> ClosedBuilder<(
        
            T0,
        
            T1,
        
        (),
    )>
    {
        self.reason(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> ClosedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Closed].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Closed>
        where Self: ::planus::WriteAsOffset<Closed>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAs<::planus::Offset<Closed>> for ClosedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<Closed>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Closed> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Closed>> for ClosedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<Closed>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Closed>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOffset<Closed> for ClosedBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Closed> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;Closed::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [Closed].
#[derive(Copy, Clone)]
pub struct ClosedRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> ClosedRef<'a> {
    
        /// Getter for the [`subscription_id` field](Closed#structfield.subscription_id).
        #[inline]
        pub fn subscription_id(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "Closed", "subscription_id")
              
            
            
            
        }
    
        /// Getter for the [`relay_url` field](Closed#structfield.relay_url).
        #[inline]
        pub fn relay_url(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "Closed", "relay_url")
              
            
            
            
        }
    
        /// Getter for the [`reason` field](Closed#structfield.reason).
        #[inline]
        pub fn reason(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(2, "Closed", "reason")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for ClosedRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ClosedRef");
        f.field("subscription_id", &self.subscription_id());f.field("relay_url", &self.relay_url());if let ::core::option::Option::Some(field_reason) = self.reason().transpose() {
                f.field("reason", &field_reason);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<ClosedRef<'a>> for Closed {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: ClosedRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            subscription_id: ::core::convert::Into::into(value.subscription_id()?),relay_url: ::core::convert::Into::into(value.relay_url()?),reason: 
                                value.reason()?.map(::core::convert::Into::into)
                            ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for ClosedRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for ClosedRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[ClosedRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Closed>> for Closed {
    type Value = ::planus::Offset<Closed>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Closed>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for ClosedRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[ClosedRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  A relay sent a NOTICE.
/// 
/// Generated from these locations:
/// * Table `Notice` in the file `schemas/connections.fbs:88`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Notice{
    
        /// The field `relay_url` in the table `Notice`
        pub relay_url: ::planus::alloc::string::String,
        /// The field `message` in the table `Notice`
        pub message: ::core::option::Option<::planus::alloc::string::String>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Notice {
    fn default() -> Self {
        Self {
        relay_url: ::core::default::Default::default(),
        message: ::core::default::Default::default(),
        
        }
    }
}


impl Notice {
    /// Creates a [NoticeBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> NoticeBuilder<()> {
        NoticeBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_relay_url: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_message: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_relay_url = field_relay_url.prepare(builder);let prepared_message = field_message.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);if prepared_message.is_some() {table_writer.write_entry::<::planus::Offset<str>>(1);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_relay_url);if let ::core::option::Option::Some(prepared_message) = prepared_message {object_writer.write::<_, _, 4>(&prepared_message);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Notice>> for Notice {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Notice> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Notice>> for Notice {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Notice>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Notice> for Notice {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Notice> {
        Notice::create(
            builder,
        
            
            &self.relay_url,
            
        
            
            &self.message,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Notice] type.
///
/// Can be created using the [Notice::builder] method.
#[derive(Debug)]
#[must_use]
pub struct NoticeBuilder<State>(State);

impl<
    
> NoticeBuilder
<
    (
    
    )
>
{
    /// Setter for the [`relay_url` field](Notice#structfield.relay_url).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn relay_url<T0>(self, value: T0) -> NoticeBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        NoticeBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> NoticeBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`message` field](Notice#structfield.message).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn message<T1>(self, value: T1) -> NoticeBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;NoticeBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`message` field](Notice#structfield.message) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn message_as_null(self) -> NoticeBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.message(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
> NoticeBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Notice].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Notice>
        where Self: ::planus::WriteAsOffset<Notice>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAs<::planus::Offset<Notice>> for NoticeBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Notice>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Notice> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Notice>> for NoticeBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Notice>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Notice>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOffset<Notice> for NoticeBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Notice> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;Notice::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [Notice].
#[derive(Copy, Clone)]
pub struct NoticeRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> NoticeRef<'a> {
    
        /// Getter for the [`relay_url` field](Notice#structfield.relay_url).
        #[inline]
        pub fn relay_url(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "Notice", "relay_url")
              
            
            
            
        }
    
        /// Getter for the [`message` field](Notice#structfield.message).
        #[inline]
        pub fn message(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(1, "Notice", "message")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for NoticeRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("NoticeRef");
        f.field("relay_url", &self.relay_url());if let ::core::option::Option::Some(field_message) = self.message().transpose() {
                f.field("message", &field_message);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<NoticeRef<'a>> for Notice {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: NoticeRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            relay_url: ::core::convert::Into::into(value.relay_url()?),message: 
                                value.message()?.map(::core::convert::Into::into)
                            ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for NoticeRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for NoticeRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[NoticeRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Notice>> for Notice {
    type Value = ::planus::Offset<Notice>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Notice>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for NoticeRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[NoticeRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  A relay sent a NIP-42 AUTH challenge (the worker answers it through the crypto worker).
/// 
/// Generated from these locations:
/// * Table `AuthChallenge` in the file `schemas/connections.fbs:94`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct AuthChallenge{
    
        /// The field `relay_url` in the table `AuthChallenge`
        pub relay_url: ::planus::alloc::string::String,
        /// The field `challenge` in the table `AuthChallenge`
        pub challenge: ::planus::alloc::string::String,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for AuthChallenge {
    fn default() -> Self {
        Self {
        relay_url: ::core::default::Default::default(),
        challenge: ::core::default::Default::default(),
        
        }
    }
}


impl AuthChallenge {
    /// Creates a [AuthChallengeBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> AuthChallengeBuilder<()> {
        AuthChallengeBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_relay_url: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_challenge: impl ::planus::WriteAs<::planus::Offset<str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_relay_url = field_relay_url.prepare(builder);let prepared_challenge = field_challenge.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);table_writer.write_entry::<::planus::Offset<str>>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_relay_url);object_writer.write::<_, _, 4>(&prepared_challenge);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<AuthChallenge>> for AuthChallenge {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<AuthChallenge> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<AuthChallenge>> for AuthChallenge {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<AuthChallenge>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<AuthChallenge> for AuthChallenge {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<AuthChallenge> {
        AuthChallenge::create(
            builder,
        
            
            &self.relay_url,
            
        
            
            &self.challenge,
            
        
        )
    }
}

/// Builder for serializing an instance of the [AuthChallenge] type.
///
/// Can be created using the [AuthChallenge::builder] method.
#[derive(Debug)]
#[must_use]
pub struct AuthChallengeBuilder<State>(State);

impl<
    
> AuthChallengeBuilder
<
    (
    
    )
>
{
    /// Setter for the [`relay_url` field](AuthChallenge#structfield.relay_url).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn relay_url<T0>(self, value: T0) -> AuthChallengeBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        AuthChallengeBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> AuthChallengeBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`challenge` field](AuthChallenge#structfield.challenge).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn challenge<T1>(self, value: T1) -> AuthChallengeBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;AuthChallengeBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> AuthChallengeBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [AuthChallenge].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<AuthChallenge>
        where Self: ::planus::WriteAsOffset<AuthChallenge>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAs<::planus::Offset<AuthChallenge>> for AuthChallengeBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<AuthChallenge>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<AuthChallenge> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<AuthChallenge>> for AuthChallengeBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<AuthChallenge>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<AuthChallenge>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOffset<AuthChallenge> for AuthChallengeBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<AuthChallenge> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;AuthChallenge::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [AuthChallenge].
#[derive(Copy, Clone)]
pub struct AuthChallengeRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> AuthChallengeRef<'a> {
    
        /// Getter for the [`relay_url` field](AuthChallenge#structfield.relay_url).
        #[inline]
        pub fn relay_url(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "AuthChallenge", "relay_url")
              
            
            
            
        }
    
        /// Getter for the [`challenge` field](AuthChallenge#structfield.challenge).
        #[inline]
        pub fn challenge(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "AuthChallenge", "challenge")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for AuthChallengeRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("AuthChallengeRef");
        f.field("relay_url", &self.relay_url());f.field("challenge", &self.challenge());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<AuthChallengeRef<'a>> for AuthChallenge {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: AuthChallengeRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            relay_url: ::core::convert::Into::into(value.relay_url()?),challenge: ::core::convert::Into::into(value.challenge()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for AuthChallengeRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for AuthChallengeRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[AuthChallengeRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<AuthChallenge>> for AuthChallenge {
    type Value = ::planus::Offset<AuthChallenge>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<AuthChallenge>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for AuthChallengeRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[AuthChallengeRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Answer to `Publish`: each relay's outcome.
/// 
/// Generated from these locations:
/// * Table `PublishResult` in the file `schemas/connections.fbs:100`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct PublishResult{
    
        /// The field `event_id` in the table `PublishResult`
        pub event_id: self::Bytes32,
        /// The field `results` in the table `PublishResult`
        pub results: ::core::option::Option<::planus::alloc::vec::Vec<self::RelayOk>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for PublishResult {
    fn default() -> Self {
        Self {
        event_id: ::core::default::Default::default(),
        results: ::core::default::Default::default(),
        
        }
    }
}


impl PublishResult {
    /// Creates a [PublishResultBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> PublishResultBuilder<()> {
        PublishResultBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_event_id: impl ::planus::WriteAs<self::Bytes32>,
        field_results: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::RelayOk>]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_event_id = field_event_id.prepare(builder);let prepared_results = field_results.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        table_writer.write_entry::<self::Bytes32>(0);if prepared_results.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::RelayOk>]>>(1);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 32>(&prepared_event_id);if let ::core::option::Option::Some(prepared_results) = prepared_results {object_writer.write::<_, _, 4>(&prepared_results);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<PublishResult>> for PublishResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PublishResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<PublishResult>> for PublishResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<PublishResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<PublishResult> for PublishResult {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PublishResult> {
        PublishResult::create(
            builder,
        
            
            self.event_id,
            
        
            
            &self.results,
            
        
        )
    }
}

/// Builder for serializing an instance of the [PublishResult] type.
///
/// Can be created using the [PublishResult::builder] method.
#[derive(Debug)]
#[must_use]
pub struct PublishResultBuilder<State>(State);

impl<
    
> PublishResultBuilder
<
    (
    
    )
>
{
    /// Setter for the [`event_id` field](PublishResult#structfield.event_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn event_id<T0>(self, value: T0) -> PublishResultBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<self::Bytes32>
    {
        PublishResultBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> PublishResultBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`results` field](PublishResult#structfield.results).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn results<T1>(self, value: T1) -> PublishResultBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::RelayOk>]>>
    {
        
        let (
            
                v0,
            
        ) = self.0;PublishResultBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`results` field](PublishResult#structfield.results) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn results_as_null(self) -> PublishResultBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.results(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
> PublishResultBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [PublishResult].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<PublishResult>
        where Self: ::planus::WriteAsOffset<PublishResult>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::RelayOk>]>>,
    
> ::planus::WriteAs<::planus::Offset<PublishResult>> for PublishResultBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<PublishResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PublishResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::RelayOk>]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<PublishResult>> for PublishResultBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<PublishResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<PublishResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::RelayOk>]>>,
    
> ::planus::WriteAsOffset<PublishResult> for PublishResultBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PublishResult> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;PublishResult::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [PublishResult].
#[derive(Copy, Clone)]
pub struct PublishResultRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> PublishResultRef<'a> {
    
        /// Getter for the [`event_id` field](PublishResult#structfield.event_id).
        #[inline]
        pub fn event_id(&self) -> ::planus::Result<self::Bytes32Ref<'a>> {
            
            
              
              self.0.access_required(0, "PublishResult", "event_id")
              
            
            
            
        }
    
        /// Getter for the [`results` field](PublishResult#structfield.results).
        #[inline]
        pub fn results(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<self::RelayOkRef<'a>>>>> {
            
            
              
              self.0.access(1, "PublishResult", "results")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for PublishResultRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("PublishResultRef");
        f.field("event_id", &self.event_id());if let ::core::option::Option::Some(field_results) = self.results().transpose() {
                f.field("results", &field_results);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<PublishResultRef<'a>> for PublishResult {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: PublishResultRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            event_id: ::core::convert::Into::into(value.event_id()?),results: 
                            if let ::core::option::Option::Some(results) = value.results()? {
                                ::core::option::Option::Some(results.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for PublishResultRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for PublishResultRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[PublishResultRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<PublishResult>> for PublishResult {
    type Value = ::planus::Offset<PublishResult>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<PublishResult>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for PublishResultRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[PublishResultRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Why a connections request failed as a whole.
/// 
/// Generated from these locations:
/// * Enum `ConnectionsErrorCode` in the file `schemas/connections.fbs:106`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u16)]pub enum ConnectionsErrorCode {
    
        ///  A bug or an unexpected state in the worker.
        Internal = 0,
    
        ///  A relay URL could not be parsed or normalized.
        InvalidRelayUrl = 1,
    
        ///  No relays were given and none are configured.
        NoRelays = 2,
    
        ///  A send queue was full and the request asked not to wait.
        QueueFull = 3,
    
        ///  The subscription id is unknown.
        UnknownSubscription = 4,
    
        ///  The request was malformed.
        InvalidInput = 5,
    
        ///  The worker is shutting down.
        Shutdown = 6,
    
}

impl ConnectionsErrorCode {
    /// Array containing all valid variants of ConnectionsErrorCode
    pub const ENUM_VALUES: [Self; 7] = [Self::Internal,Self::InvalidRelayUrl,Self::NoRelays,Self::QueueFull,Self::UnknownSubscription,Self::InvalidInput,Self::Shutdown,];
}

impl ::core::convert::TryFrom<u16> for ConnectionsErrorCode {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u16) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(ConnectionsErrorCode::Internal),
            1 => ::core::result::Result::Ok(ConnectionsErrorCode::InvalidRelayUrl),
            2 => ::core::result::Result::Ok(ConnectionsErrorCode::NoRelays),
            3 => ::core::result::Result::Ok(ConnectionsErrorCode::QueueFull),
            4 => ::core::result::Result::Ok(ConnectionsErrorCode::UnknownSubscription),
            5 => ::core::result::Result::Ok(ConnectionsErrorCode::InvalidInput),
            6 => ::core::result::Result::Ok(ConnectionsErrorCode::Shutdown),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<ConnectionsErrorCode> for u16 {
    #[inline]
    fn from(value: ConnectionsErrorCode) -> Self {
        value as u16
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for ConnectionsErrorCode {
    const ALIGNMENT: usize = 2;
    const SIZE: usize = 2;
}

impl ::planus::WriteAsPrimitive<ConnectionsErrorCode> for ConnectionsErrorCode {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u16).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<ConnectionsErrorCode> for ConnectionsErrorCode {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ConnectionsErrorCode {
        *self
    }
}

impl ::planus::WriteAsDefault<ConnectionsErrorCode, ConnectionsErrorCode> for ConnectionsErrorCode {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &ConnectionsErrorCode) -> ::core::option::Option<ConnectionsErrorCode> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<ConnectionsErrorCode> for ConnectionsErrorCode {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<ConnectionsErrorCode> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for ConnectionsErrorCode {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u16 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for ConnectionsErrorCode {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 2;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { <u16 as ::planus::VectorRead>::from_buffer(buffer, offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "ConnectionsErrorCode",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<ConnectionsErrorCode> for ConnectionsErrorCode {
    const STRIDE: usize = 2;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 2];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - (2 * i) as u32,
                
            );
        }
    }
}

    
///  A failed connections request.
/// 
/// Generated from these locations:
/// * Table `ConnectionsError` in the file `schemas/connections.fbs:124`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct ConnectionsError{
    
        /// The field `code` in the table `ConnectionsError`
        pub code: self::ConnectionsErrorCode,
        /// The field `message` in the table `ConnectionsError`
        pub message: ::core::option::Option<::planus::alloc::string::String>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for ConnectionsError {
    fn default() -> Self {
        Self {
        code: self::ConnectionsErrorCode::Internal,
        message: ::core::default::Default::default(),
        
        }
    }
}


impl ConnectionsError {
    /// Creates a [ConnectionsErrorBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ConnectionsErrorBuilder<()> {
        ConnectionsErrorBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_code: impl ::planus::WriteAsDefault<self::ConnectionsErrorCode, self::ConnectionsErrorCode>,
        field_message: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_code = field_code.prepare(builder, &self::ConnectionsErrorCode::Internal);let prepared_message = field_message.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        if prepared_message.is_some() {table_writer.write_entry::<::planus::Offset<str>>(1);}if prepared_code.is_some() {table_writer.write_entry::<self::ConnectionsErrorCode>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_message) = prepared_message {object_writer.write::<_, _, 4>(&prepared_message);}if let ::core::option::Option::Some(prepared_code) = prepared_code {object_writer.write::<_, _, 2>(&prepared_code);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<ConnectionsError>> for ConnectionsError {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConnectionsError> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<ConnectionsError>> for ConnectionsError {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ConnectionsError>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<ConnectionsError> for ConnectionsError {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConnectionsError> {
        ConnectionsError::create(
            builder,
        
            
            self.code,
            
        
            
            &self.message,
            
        
        )
    }
}

/// Builder for serializing an instance of the [ConnectionsError] type.
///
/// Can be created using the [ConnectionsError::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ConnectionsErrorBuilder<State>(State);

impl<
    
> ConnectionsErrorBuilder
<
    (
    
    )
>
{
    /// Setter for the [`code` field](ConnectionsError#structfield.code).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn code<T0>(self, value: T0) -> ConnectionsErrorBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<self::ConnectionsErrorCode, self::ConnectionsErrorCode>
    {
        ConnectionsErrorBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`code` field](ConnectionsError#structfield.code) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn code_as_default(self) -> ConnectionsErrorBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.code(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> ConnectionsErrorBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`message` field](ConnectionsError#structfield.message).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn message<T1>(self, value: T1) -> ConnectionsErrorBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;ConnectionsErrorBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`message` field](ConnectionsError#structfield.message) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn message_as_null(self) -> ConnectionsErrorBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.message(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
> ConnectionsErrorBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [ConnectionsError].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConnectionsError>
        where Self: ::planus::WriteAsOffset<ConnectionsError>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::ConnectionsErrorCode, self::ConnectionsErrorCode>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAs<::planus::Offset<ConnectionsError>> for ConnectionsErrorBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<ConnectionsError>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConnectionsError> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::ConnectionsErrorCode, self::ConnectionsErrorCode>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<ConnectionsError>> for ConnectionsErrorBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<ConnectionsError>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ConnectionsError>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::ConnectionsErrorCode, self::ConnectionsErrorCode>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOffset<ConnectionsError> for ConnectionsErrorBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConnectionsError> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;ConnectionsError::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [ConnectionsError].
#[derive(Copy, Clone)]
pub struct ConnectionsErrorRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> ConnectionsErrorRef<'a> {
    
        /// Getter for the [`code` field](ConnectionsError#structfield.code).
        #[inline]
        pub fn code(&self) -> ::planus::Result<self::ConnectionsErrorCode> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "ConnectionsError", "code")
              
            
            ?.unwrap_or(self::ConnectionsErrorCode::Internal))
            
        }
    
        /// Getter for the [`message` field](ConnectionsError#structfield.message).
        #[inline]
        pub fn message(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(1, "ConnectionsError", "message")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for ConnectionsErrorRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ConnectionsErrorRef");
        f.field("code", &self.code());if let ::core::option::Option::Some(field_message) = self.message().transpose() {
                f.field("message", &field_message);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<ConnectionsErrorRef<'a>> for ConnectionsError {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: ConnectionsErrorRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            code: ::core::convert::TryInto::try_into(value.code()?)?,message: 
                                value.message()?.map(::core::convert::Into::into)
                            ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for ConnectionsErrorRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for ConnectionsErrorRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[ConnectionsErrorRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<ConnectionsError>> for ConnectionsError {
    type Value = ::planus::Offset<ConnectionsError>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<ConnectionsError>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for ConnectionsErrorRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[ConnectionsErrorRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Everything the connections worker sends to the parser.
/// 
/// Generated from these locations:
/// * Union `ConnectionsMessageBody` in the file `schemas/connections.fbs:130`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize)]
pub enum ConnectionsMessageBody{
    
        /// The variant of type `EventReceived` in the union `ConnectionsMessageBody`
        EventReceived(::planus::alloc::boxed::Box<self::EventReceived>),
    
        /// The variant of type `Eose` in the union `ConnectionsMessageBody`
        Eose(::planus::alloc::boxed::Box<self::Eose>),
    
        /// The variant of type `Closed` in the union `ConnectionsMessageBody`
        Closed(::planus::alloc::boxed::Box<self::Closed>),
    
        /// The variant of type `Notice` in the union `ConnectionsMessageBody`
        Notice(::planus::alloc::boxed::Box<self::Notice>),
    
        /// The variant of type `AuthChallenge` in the union `ConnectionsMessageBody`
        AuthChallenge(::planus::alloc::boxed::Box<self::AuthChallenge>),
    
        /// The variant of type `PublishResult` in the union `ConnectionsMessageBody`
        PublishResult(::planus::alloc::boxed::Box<self::PublishResult>),
    
        /// The variant of type `ConnectionsError` in the union `ConnectionsMessageBody`
        ConnectionsError(::planus::alloc::boxed::Box<self::ConnectionsError>),
    
}


impl ConnectionsMessageBody {
    /// Creates a [ConnectionsMessageBodyBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ConnectionsMessageBodyBuilder<::planus::Uninitialized> {
        ConnectionsMessageBodyBuilder(::planus::Uninitialized)
    }

    #[inline]
    pub fn create_event_received(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::EventReceived>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(1, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_eose(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Eose>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(2, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_closed(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Closed>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(3, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_notice(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Notice>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(4, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_auth_challenge(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::AuthChallenge>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(5, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_publish_result(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::PublishResult>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(6, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_connections_error(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::ConnectionsError>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(7, value.prepare(builder).downcast())
    }

    
}



impl ::planus::WriteAsUnion<ConnectionsMessageBody> for ConnectionsMessageBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Self> {
        match self {
            Self::EventReceived(value) => Self::create_event_received(builder, value),
            Self::Eose(value) => Self::create_eose(builder, value),
            Self::Closed(value) => Self::create_closed(builder, value),
            Self::Notice(value) => Self::create_notice(builder, value),
            Self::AuthChallenge(value) => Self::create_auth_challenge(builder, value),
            Self::PublishResult(value) => Self::create_publish_result(builder, value),
            Self::ConnectionsError(value) => Self::create_connections_error(builder, value),
            
        }
    }
}


impl ::planus::WriteAsOptionalUnion<ConnectionsMessageBody> for ConnectionsMessageBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Self>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}

/// Builder for serializing an instance of the [ConnectionsMessageBody] type.
///
/// Can be created using the [ConnectionsMessageBody::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ConnectionsMessageBodyBuilder<T>(T);

impl ConnectionsMessageBodyBuilder<::planus::Uninitialized> {
    /// Creates an instance of the [`EventReceived` variant](ConnectionsMessageBody#variant.EventReceived).
    #[inline]
    pub fn event_received<T>(
        self,
        value: T,
    ) -> ConnectionsMessageBodyBuilder<::planus::Initialized<1, T>>
        where T: ::planus::WriteAsOffset<self::EventReceived> {
        ConnectionsMessageBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Eose` variant](ConnectionsMessageBody#variant.Eose).
    #[inline]
    pub fn eose<T>(
        self,
        value: T,
    ) -> ConnectionsMessageBodyBuilder<::planus::Initialized<2, T>>
        where T: ::planus::WriteAsOffset<self::Eose> {
        ConnectionsMessageBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Closed` variant](ConnectionsMessageBody#variant.Closed).
    #[inline]
    pub fn closed<T>(
        self,
        value: T,
    ) -> ConnectionsMessageBodyBuilder<::planus::Initialized<3, T>>
        where T: ::planus::WriteAsOffset<self::Closed> {
        ConnectionsMessageBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Notice` variant](ConnectionsMessageBody#variant.Notice).
    #[inline]
    pub fn notice<T>(
        self,
        value: T,
    ) -> ConnectionsMessageBodyBuilder<::planus::Initialized<4, T>>
        where T: ::planus::WriteAsOffset<self::Notice> {
        ConnectionsMessageBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`AuthChallenge` variant](ConnectionsMessageBody#variant.AuthChallenge).
    #[inline]
    pub fn auth_challenge<T>(
        self,
        value: T,
    ) -> ConnectionsMessageBodyBuilder<::planus::Initialized<5, T>>
        where T: ::planus::WriteAsOffset<self::AuthChallenge> {
        ConnectionsMessageBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`PublishResult` variant](ConnectionsMessageBody#variant.PublishResult).
    #[inline]
    pub fn publish_result<T>(
        self,
        value: T,
    ) -> ConnectionsMessageBodyBuilder<::planus::Initialized<6, T>>
        where T: ::planus::WriteAsOffset<self::PublishResult> {
        ConnectionsMessageBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`ConnectionsError` variant](ConnectionsMessageBody#variant.ConnectionsError).
    #[inline]
    pub fn connections_error<T>(
        self,
        value: T,
    ) -> ConnectionsMessageBodyBuilder<::planus::Initialized<7, T>>
        where T: ::planus::WriteAsOffset<self::ConnectionsError> {
        ConnectionsMessageBodyBuilder(::planus::Initialized(value))
    }

    
}

impl<const N: u8, T> ConnectionsMessageBodyBuilder<::planus::Initialized<N, T>> {
    /// Finish writing the builder to get an [UnionOffset](::planus::UnionOffset) to a serialized [ConnectionsMessageBody].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ConnectionsMessageBody>
        where Self: ::planus::WriteAsUnion<ConnectionsMessageBody>
    {
        ::planus::WriteAsUnion::prepare(&self, builder)
    }
}

impl<T> ::planus::WriteAsUnion<ConnectionsMessageBody> for ConnectionsMessageBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::EventReceived>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ConnectionsMessageBody> {
        ::planus::UnionOffset::new(1, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ConnectionsMessageBody> for ConnectionsMessageBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::EventReceived>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ConnectionsMessageBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ConnectionsMessageBody> for ConnectionsMessageBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::Eose>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ConnectionsMessageBody> {
        ::planus::UnionOffset::new(2, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ConnectionsMessageBody> for ConnectionsMessageBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::Eose>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ConnectionsMessageBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ConnectionsMessageBody> for ConnectionsMessageBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::Closed>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ConnectionsMessageBody> {
        ::planus::UnionOffset::new(3, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ConnectionsMessageBody> for ConnectionsMessageBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::Closed>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ConnectionsMessageBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ConnectionsMessageBody> for ConnectionsMessageBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::Notice>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ConnectionsMessageBody> {
        ::planus::UnionOffset::new(4, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ConnectionsMessageBody> for ConnectionsMessageBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::Notice>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ConnectionsMessageBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ConnectionsMessageBody> for ConnectionsMessageBodyBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::AuthChallenge>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ConnectionsMessageBody> {
        ::planus::UnionOffset::new(5, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ConnectionsMessageBody> for ConnectionsMessageBodyBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::AuthChallenge>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ConnectionsMessageBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ConnectionsMessageBody> for ConnectionsMessageBodyBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::PublishResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ConnectionsMessageBody> {
        ::planus::UnionOffset::new(6, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ConnectionsMessageBody> for ConnectionsMessageBodyBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::PublishResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ConnectionsMessageBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<ConnectionsMessageBody> for ConnectionsMessageBodyBuilder<::planus::Initialized<7, T>>
    where T: ::planus::WriteAsOffset<self::ConnectionsError>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<ConnectionsMessageBody> {
        ::planus::UnionOffset::new(7, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<ConnectionsMessageBody> for ConnectionsMessageBodyBuilder<::planus::Initialized<7, T>>
    where T: ::planus::WriteAsOffset<self::ConnectionsError>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<ConnectionsMessageBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}


/// Reference to a deserialized [ConnectionsMessageBody].
#[derive(Copy, Clone, Debug)]
pub enum ConnectionsMessageBodyRef<'a>{
    EventReceived(self::EventReceivedRef<'a>),
    Eose(self::EoseRef<'a>),
    Closed(self::ClosedRef<'a>),
    Notice(self::NoticeRef<'a>),
    AuthChallenge(self::AuthChallengeRef<'a>),
    PublishResult(self::PublishResultRef<'a>),
    ConnectionsError(self::ConnectionsErrorRef<'a>),
    
}


impl<'a> ::core::convert::TryFrom<ConnectionsMessageBodyRef<'a>> for ConnectionsMessageBody {
    type Error = ::planus::Error;

    fn try_from(value: ConnectionsMessageBodyRef<'a>) -> ::planus::Result<Self> {
        ::core::result::Result::Ok(match value {
            
                ConnectionsMessageBodyRef::EventReceived(value) => Self::EventReceived(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ConnectionsMessageBodyRef::Eose(value) => Self::Eose(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ConnectionsMessageBodyRef::Closed(value) => Self::Closed(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ConnectionsMessageBodyRef::Notice(value) => Self::Notice(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ConnectionsMessageBodyRef::AuthChallenge(value) => Self::AuthChallenge(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ConnectionsMessageBodyRef::PublishResult(value) => Self::PublishResult(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                ConnectionsMessageBodyRef::ConnectionsError(value) => Self::ConnectionsError(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
        })
    }
}



impl<'a> ::planus::TableReadUnion<'a> for ConnectionsMessageBodyRef<'a> {
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, tag: u8, field_offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        match tag {
            1 => ::core::result::Result::Ok(Self::EventReceived(::planus::TableRead::from_buffer(buffer, field_offset)?)),2 => ::core::result::Result::Ok(Self::Eose(::planus::TableRead::from_buffer(buffer, field_offset)?)),3 => ::core::result::Result::Ok(Self::Closed(::planus::TableRead::from_buffer(buffer, field_offset)?)),4 => ::core::result::Result::Ok(Self::Notice(::planus::TableRead::from_buffer(buffer, field_offset)?)),5 => ::core::result::Result::Ok(Self::AuthChallenge(::planus::TableRead::from_buffer(buffer, field_offset)?)),6 => ::core::result::Result::Ok(Self::PublishResult(::planus::TableRead::from_buffer(buffer, field_offset)?)),7 => ::core::result::Result::Ok(Self::ConnectionsError(::planus::TableRead::from_buffer(buffer, field_offset)?)),_ => ::core::result::Result::Err(::planus::errors::ErrorKind::UnknownUnionTag { tag }),
        }
    }
}



impl<'a> ::planus::VectorReadUnion<'a> for ConnectionsMessageBodyRef<'a> {
    const VECTOR_NAME: &'static str = "[ConnectionsMessageBodyRef]";
}


    
///  Root message: from the connections worker to the parser.
/// 
/// Generated from these locations:
/// * Table `ConnectionsMessage` in the file `schemas/connections.fbs:141`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct ConnectionsMessage{
    
        /// The field `request_id` in the table `ConnectionsMessage`
        pub request_id: u64,
        /// The field `body` in the table `ConnectionsMessage`
        pub body: self::ConnectionsMessageBody,}



impl ConnectionsMessage {
    /// Creates a [ConnectionsMessageBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ConnectionsMessageBuilder<()> {
        ConnectionsMessageBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_request_id: impl ::planus::WriteAsDefault<u64, u64>,
        field_body: impl ::planus::WriteAsUnion<self::ConnectionsMessageBody>,
        
    ) -> ::planus::Offset<Self> {let prepared_request_id = field_request_id.prepare(builder, &0);let prepared_body = field_body.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        if prepared_request_id.is_some() {table_writer.write_entry::<u64>(0);}table_writer.write_entry::<::planus::Offset<self::ConnectionsMessageBody>>(2);table_writer.write_entry::<u8>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_request_id) = prepared_request_id {object_writer.write::<_, _, 8>(&prepared_request_id);}object_writer.write::<_, _, 4>(&prepared_body.offset());object_writer.write::<_, _, 1>(&prepared_body.tag());
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<ConnectionsMessage>> for ConnectionsMessage {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConnectionsMessage> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<ConnectionsMessage>> for ConnectionsMessage {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ConnectionsMessage>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<ConnectionsMessage> for ConnectionsMessage {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConnectionsMessage> {
        ConnectionsMessage::create(
            builder,
        
            
            self.request_id,
            
        
            
            &self.body,
            
        
        )
    }
}

/// Builder for serializing an instance of the [ConnectionsMessage] type.
///
/// Can be created using the [ConnectionsMessage::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ConnectionsMessageBuilder<State>(State);

impl<
    
> ConnectionsMessageBuilder
<
    (
    
    )
>
{
    /// Setter for the [`request_id` field](ConnectionsMessage#structfield.request_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id<T0>(self, value: T0) -> ConnectionsMessageBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        ConnectionsMessageBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`request_id` field](ConnectionsMessage#structfield.request_id) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id_as_default(self) -> ConnectionsMessageBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.request_id(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> ConnectionsMessageBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`body` field](ConnectionsMessage#structfield.body).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn body<T1>(self, value: T1) -> ConnectionsMessageBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsUnion<self::ConnectionsMessageBody>
    {
        
        let (
            
                v0,
            
        ) = self.0;ConnectionsMessageBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> ConnectionsMessageBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [ConnectionsMessage].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConnectionsMessage>
        where Self: ::planus::WriteAsOffset<ConnectionsMessage>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::ConnectionsMessageBody>,
    
> ::planus::WriteAs<::planus::Offset<ConnectionsMessage>> for ConnectionsMessageBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<ConnectionsMessage>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConnectionsMessage> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::ConnectionsMessageBody>,
    
> ::planus::WriteAsOptional<::planus::Offset<ConnectionsMessage>> for ConnectionsMessageBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<ConnectionsMessage>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ConnectionsMessage>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::ConnectionsMessageBody>,
    
> ::planus::WriteAsOffset<ConnectionsMessage> for ConnectionsMessageBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ConnectionsMessage> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;ConnectionsMessage::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [ConnectionsMessage].
#[derive(Copy, Clone)]
pub struct ConnectionsMessageRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> ConnectionsMessageRef<'a> {
    
        /// Getter for the [`request_id` field](ConnectionsMessage#structfield.request_id).
        #[inline]
        pub fn request_id(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "ConnectionsMessage", "request_id")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`body` field](ConnectionsMessage#structfield.body).
        #[inline]
        pub fn body(&self) -> ::planus::Result<self::ConnectionsMessageBodyRef<'a>> {
            
            
              
              self.0.access_union_required(1, "ConnectionsMessage", "body")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for ConnectionsMessageRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ConnectionsMessageRef");
        f.field("request_id", &self.request_id());f.field("body", &self.body());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<ConnectionsMessageRef<'a>> for ConnectionsMessage {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: ConnectionsMessageRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            request_id: ::core::convert::TryInto::try_into(value.request_id()?)?,body: ::core::convert::TryInto::try_into(value.body()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for ConnectionsMessageRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for ConnectionsMessageRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[ConnectionsMessageRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<ConnectionsMessage>> for ConnectionsMessage {
    type Value = ::planus::Offset<ConnectionsMessage>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<ConnectionsMessage>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for ConnectionsMessageRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[ConnectionsMessageRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Encryption scheme of an encrypt/decrypt request.
/// 
/// Generated from these locations:
/// * Enum `EncryptionScheme` in the file `schemas/crypto.fbs:12`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u8)]pub enum EncryptionScheme {
    
        ///  NIP-44 v2.
        Nip44 = 0,
    
        ///  NIP-04 (AES-256-CBC, legacy).
        Nip04 = 1,
    
}

impl EncryptionScheme {
    /// Array containing all valid variants of EncryptionScheme
    pub const ENUM_VALUES: [Self; 2] = [Self::Nip44,Self::Nip04,];
}

impl ::core::convert::TryFrom<u8> for EncryptionScheme {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u8) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(EncryptionScheme::Nip44),
            1 => ::core::result::Result::Ok(EncryptionScheme::Nip04),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<EncryptionScheme> for u8 {
    #[inline]
    fn from(value: EncryptionScheme) -> Self {
        value as u8
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for EncryptionScheme {
    const ALIGNMENT: usize = 1;
    const SIZE: usize = 1;
}

impl ::planus::WriteAsPrimitive<EncryptionScheme> for EncryptionScheme {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u8).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<EncryptionScheme> for EncryptionScheme {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> EncryptionScheme {
        *self
    }
}

impl ::planus::WriteAsDefault<EncryptionScheme, EncryptionScheme> for EncryptionScheme {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &EncryptionScheme) -> ::core::option::Option<EncryptionScheme> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<EncryptionScheme> for EncryptionScheme {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<EncryptionScheme> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for EncryptionScheme {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u8 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for EncryptionScheme {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 1;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { *buffer.buffer.get_unchecked(offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "EncryptionScheme",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<EncryptionScheme> for EncryptionScheme {
    const STRIDE: usize = 1;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 1];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - i as u32,
                
            );
        }
    }
}

    
///  Verify ids and signatures of whole events.
/// 
/// Generated from these locations:
/// * Table `VerifyEvents` in the file `schemas/crypto.fbs:20`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct VerifyEvents{
    
        /// The field `events` in the table `VerifyEvents`
        pub events: ::core::option::Option<::planus::alloc::vec::Vec<self::Event>>,
        ///  Recompute each id from the event's fields before checking the signature.
        pub check_ids: bool,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for VerifyEvents {
    fn default() -> Self {
        Self {
        events: ::core::default::Default::default(),
        check_ids: true,
        
        }
    }
}


impl VerifyEvents {
    /// Creates a [VerifyEventsBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> VerifyEventsBuilder<()> {
        VerifyEventsBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_events: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Event>]>>,
        field_check_ids: impl ::planus::WriteAsDefault<bool, bool>,
        
    ) -> ::planus::Offset<Self> {let prepared_events = field_events.prepare(builder);let prepared_check_ids = field_check_ids.prepare(builder, &true);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        if prepared_events.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::Event>]>>(0);}if prepared_check_ids.is_some() {table_writer.write_entry::<bool>(1);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_events) = prepared_events {object_writer.write::<_, _, 4>(&prepared_events);}if let ::core::option::Option::Some(prepared_check_ids) = prepared_check_ids {object_writer.write::<_, _, 1>(&prepared_check_ids);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<VerifyEvents>> for VerifyEvents {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifyEvents> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<VerifyEvents>> for VerifyEvents {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<VerifyEvents>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<VerifyEvents> for VerifyEvents {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifyEvents> {
        VerifyEvents::create(
            builder,
        
            
            &self.events,
            
        
            
            self.check_ids,
            
        
        )
    }
}

/// Builder for serializing an instance of the [VerifyEvents] type.
///
/// Can be created using the [VerifyEvents::builder] method.
#[derive(Debug)]
#[must_use]
pub struct VerifyEventsBuilder<State>(State);

impl<
    
> VerifyEventsBuilder
<
    (
    
    )
>
{
    /// Setter for the [`events` field](VerifyEvents#structfield.events).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn events<T0>(self, value: T0) -> VerifyEventsBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Event>]>>
    {
        VerifyEventsBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`events` field](VerifyEvents#structfield.events) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn events_as_null(self) -> VerifyEventsBuilder<(
        
        (),
    )>
    {
        self.events(())
    }
    
}

impl<
    
        T0,
    
> VerifyEventsBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`check_ids` field](VerifyEvents#structfield.check_ids).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn check_ids<T1>(self, value: T1) -> VerifyEventsBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<bool, bool>
    {
        
        let (
            
                v0,
            
        ) = self.0;VerifyEventsBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`check_ids` field](VerifyEvents#structfield.check_ids) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn check_ids_as_default(self) -> VerifyEventsBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.check_ids(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
        T1,
    
> VerifyEventsBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [VerifyEvents].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifyEvents>
        where Self: ::planus::WriteAsOffset<VerifyEvents>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Event>]>>,
    
        T1: ::planus::WriteAsDefault<bool, bool>,
    
> ::planus::WriteAs<::planus::Offset<VerifyEvents>> for VerifyEventsBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<VerifyEvents>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifyEvents> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Event>]>>,
    
        T1: ::planus::WriteAsDefault<bool, bool>,
    
> ::planus::WriteAsOptional<::planus::Offset<VerifyEvents>> for VerifyEventsBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<VerifyEvents>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<VerifyEvents>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::Event>]>>,
    
        T1: ::planus::WriteAsDefault<bool, bool>,
    
> ::planus::WriteAsOffset<VerifyEvents> for VerifyEventsBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifyEvents> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;VerifyEvents::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [VerifyEvents].
#[derive(Copy, Clone)]
pub struct VerifyEventsRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> VerifyEventsRef<'a> {
    
        /// Getter for the [`events` field](VerifyEvents#structfield.events).
        #[inline]
        pub fn events(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<self::EventRef<'a>>>>> {
            
            
              
              self.0.access(0, "VerifyEvents", "events")
              
            
            
            
        }
    
        /// Getter for the [`check_ids` field](VerifyEvents#structfield.check_ids).
        #[inline]
        pub fn check_ids(&self) -> ::planus::Result<bool> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "VerifyEvents", "check_ids")
              
            
            ?.unwrap_or(true))
            
        }
    
}

impl<'a> ::core::fmt::Debug for VerifyEventsRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("VerifyEventsRef");
        if let ::core::option::Option::Some(field_events) = self.events().transpose() {
                f.field("events", &field_events);
            }f.field("check_ids", &self.check_ids());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<VerifyEventsRef<'a>> for VerifyEvents {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: VerifyEventsRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            events: 
                            if let ::core::option::Option::Some(events) = value.events()? {
                                ::core::option::Option::Some(events.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,check_ids: ::core::convert::TryInto::try_into(value.check_ids()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for VerifyEventsRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for VerifyEventsRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[VerifyEventsRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<VerifyEvents>> for VerifyEvents {
    type Value = ::planus::Offset<VerifyEvents>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<VerifyEvents>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for VerifyEventsRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[VerifyEventsRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  One signature to check: the id is trusted as given.
/// 
/// Generated from these locations:
/// * Struct `SignatureCheck` in the file `schemas/crypto.fbs:27`
#[derive(Copy, Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
Default, 
::serde::Serialize, ::serde::Deserialize
)]
pub struct SignatureCheck {
    
        /// The field `id` in the struct `SignatureCheck`
        pub id: self::Bytes32,
    
        /// The field `pubkey` in the struct `SignatureCheck`
        pub pubkey: self::Bytes32,
    
        /// The field `sig` in the struct `SignatureCheck`
        pub sig: self::Bytes64,
    
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for SignatureCheck {
    const ALIGNMENT: usize = 8;
    const SIZE: usize = 128;
}

#[allow(clippy::identity_op)]
impl ::planus::WriteAsPrimitive<SignatureCheck> for SignatureCheck {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        let (cur, cursor) = cursor.split::<32 , 96>();
            self.id.write(cur, buffer_position - 0);let (cur, cursor) = cursor.split::<32 , 64>();
            self.pubkey.write(cur, buffer_position - 32);let (cur, cursor) = cursor.split::<64 , 0>();
            self.sig.write(cur, buffer_position - 64);
        cursor.finish([]);
    }
}

impl ::planus::WriteAsOffset<SignatureCheck> for SignatureCheck {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignatureCheck> {
        unsafe {
            builder.write_with(
                128,
                7,
                |buffer_position, bytes| {
                    let bytes = bytes.as_mut_ptr();

                    ::planus::WriteAsPrimitive::write(
                        self,
                        ::planus::Cursor::new(&mut *(bytes as *mut [::core::mem::MaybeUninit<u8>; 128])),
                        buffer_position,
                    );
                }
            );
        }
        builder.current_offset()
    }
}

impl ::planus::WriteAs<SignatureCheck> for SignatureCheck {
    type Prepared = Self;
    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }
}

impl ::planus::WriteAsOptional<SignatureCheck> for SignatureCheck {
    type Prepared = Self;
    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<Self> {
        ::core::option::Option::Some(*self)
    }
}

/// Reference to a deserialized [SignatureCheck].
#[derive(Copy, Clone)]
pub struct SignatureCheckRef<'a>(::planus::ArrayWithStartOffset<'a, 128>);

impl<'a> SignatureCheckRef<'a> {
    
        /// Getter for the [`id` field](SignatureCheck#structfield.id).
        pub fn id(&self) -> self::Bytes32Ref<'a> {
            let buffer = self.0.advance_as_array::<32>(0).unwrap();
            
            ::core::convert::From::from(buffer)
            
        }
    
        /// Getter for the [`pubkey` field](SignatureCheck#structfield.pubkey).
        pub fn pubkey(&self) -> self::Bytes32Ref<'a> {
            let buffer = self.0.advance_as_array::<32>(32).unwrap();
            
            ::core::convert::From::from(buffer)
            
        }
    
        /// Getter for the [`sig` field](SignatureCheck#structfield.sig).
        pub fn sig(&self) -> self::Bytes64Ref<'a> {
            let buffer = self.0.advance_as_array::<64>(64).unwrap();
            
            ::core::convert::From::from(buffer)
            
        }
    
}

impl<'a> ::core::fmt::Debug for SignatureCheckRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("SignatureCheckRef");
        f.field("id", &self.id());f.field("pubkey", &self.pubkey());f.field("sig", &self.sig());
        f.finish()
    }
}

impl<'a> ::core::convert::From<::planus::ArrayWithStartOffset<'a, 128>> for SignatureCheckRef<'a> {
    fn from(array: ::planus::ArrayWithStartOffset<'a, 128>) -> Self {
        Self(array)
    }
}

impl<'a> ::core::convert::From<SignatureCheckRef<'a>> for SignatureCheck {
    #[allow(unreachable_code)]
    fn from(value: SignatureCheckRef<'a>) -> Self {
        Self {
        id:
            ::core::convert::From::from(value.id()),
            pubkey:
            ::core::convert::From::from(value.pubkey()),
            sig:
            ::core::convert::From::from(value.sig()),
            
        }
    }
}

impl<'a, 'b> ::core::cmp::PartialEq<SignatureCheckRef<'a>> for SignatureCheckRef<'b> {
    fn eq(&self, other: &SignatureCheckRef<'_>) -> bool {
        
            self.id() == other.id() && 
            self.pubkey() == other.pubkey() && 
            self.sig() == other.sig()
    }
}

    impl<'a> ::core::cmp::Eq for SignatureCheckRef<'a> {}
    impl<'a, 'b> ::core::cmp::PartialOrd<SignatureCheckRef<'a>> for SignatureCheckRef<'b> {
        fn partial_cmp(&self, other: &SignatureCheckRef<'_>) -> ::core::option::Option<::core::cmp::Ordering> {
            ::core::option::Option::Some(::core::cmp::Ord::cmp(self, other))
        }
    }

    impl<'a> ::core::cmp::Ord for SignatureCheckRef<'a> {
        fn cmp(&self, other: &SignatureCheckRef<'_>) -> ::core::cmp::Ordering {
            
                self.id().cmp(&other.id())
                
                .then_with(|| self.pubkey().cmp(&other.pubkey()))
                
                .then_with(|| self.sig().cmp(&other.sig()))
                
        }
    }

    impl<'a> ::core::hash::Hash for SignatureCheckRef<'a> {
        fn hash<H: ::core::hash::Hasher>(&self, state: &mut H) {
            self.id().hash(state);self.pubkey().hash(state);self.sig().hash(state);
        }
    }


impl<'a> ::planus::TableRead<'a> for SignatureCheckRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let buffer = buffer.advance_as_array::<128>(offset)?;
        ::core::result::Result::Ok(Self(buffer))
    }
}

impl<'a> ::planus::VectorRead<'a> for SignatureCheckRef<'a> {
    const STRIDE: usize = 128;

    #[inline]
    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> Self {
        Self(unsafe { buffer.unchecked_advance_as_array(offset) })
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<SignatureCheck> for SignatureCheck {
    const STRIDE: usize = 128;

    type Value = SignatureCheck;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self::Value {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[SignatureCheck],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 128];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - (128 * i) as u32,
                
            );
        }
    }
}

    
///  Verify signatures of precomputed ids (the caller already checked the ids).
/// 
/// Generated from these locations:
/// * Table `VerifySignatures` in the file `schemas/crypto.fbs:34`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct VerifySignatures{
    
        /// The field `items` in the table `VerifySignatures`
        pub items: ::core::option::Option<::planus::alloc::vec::Vec<self::SignatureCheck>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for VerifySignatures {
    fn default() -> Self {
        Self {
        items: ::core::default::Default::default(),
        
        }
    }
}


impl VerifySignatures {
    /// Creates a [VerifySignaturesBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> VerifySignaturesBuilder<()> {
        VerifySignaturesBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_items: impl ::planus::WriteAsOptional<::planus::Offset<[self::SignatureCheck]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_items = field_items.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_items.is_some() {table_writer.write_entry::<::planus::Offset<[self::SignatureCheck]>>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_items) = prepared_items {object_writer.write::<_, _, 4>(&prepared_items);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<VerifySignatures>> for VerifySignatures {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifySignatures> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<VerifySignatures>> for VerifySignatures {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<VerifySignatures>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<VerifySignatures> for VerifySignatures {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifySignatures> {
        VerifySignatures::create(
            builder,
        
            
            &self.items,
            
        
        )
    }
}

/// Builder for serializing an instance of the [VerifySignatures] type.
///
/// Can be created using the [VerifySignatures::builder] method.
#[derive(Debug)]
#[must_use]
pub struct VerifySignaturesBuilder<State>(State);

impl<
    
> VerifySignaturesBuilder
<
    (
    
    )
>
{
    /// Setter for the [`items` field](VerifySignatures#structfield.items).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn items<T0>(self, value: T0) -> VerifySignaturesBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<::planus::Offset<[self::SignatureCheck]>>
    {
        VerifySignaturesBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`items` field](VerifySignatures#structfield.items) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn items_as_null(self) -> VerifySignaturesBuilder<(
        
        (),
    )>
    {
        self.items(())
    }
    
}



impl<
    
        T0,
    
> VerifySignaturesBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [VerifySignatures].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifySignatures>
        where Self: ::planus::WriteAsOffset<VerifySignatures>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[self::SignatureCheck]>>,
    
> ::planus::WriteAs<::planus::Offset<VerifySignatures>> for VerifySignaturesBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<VerifySignatures>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifySignatures> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[self::SignatureCheck]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<VerifySignatures>> for VerifySignaturesBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<VerifySignatures>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<VerifySignatures>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[self::SignatureCheck]>>,
    
> ::planus::WriteAsOffset<VerifySignatures> for VerifySignaturesBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifySignatures> {
        
        let (
            
                v0,
            
        ) = &self.0;VerifySignatures::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [VerifySignatures].
#[derive(Copy, Clone)]
pub struct VerifySignaturesRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> VerifySignaturesRef<'a> {
    
        /// Getter for the [`items` field](VerifySignatures#structfield.items).
        #[inline]
        pub fn items(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, self::SignatureCheckRef<'a>>>> {
            
            
              
              self.0.access(0, "VerifySignatures", "items")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for VerifySignaturesRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("VerifySignaturesRef");
        if let ::core::option::Option::Some(field_items) = self.items().transpose() {
                f.field("items", &field_items);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<VerifySignaturesRef<'a>> for VerifySignatures {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: VerifySignaturesRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            items: 
                            if let ::core::option::Option::Some(items) = value.items()? {
                                ::core::option::Option::Some(items.to_vec()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for VerifySignaturesRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for VerifySignaturesRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[VerifySignaturesRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<VerifySignatures>> for VerifySignatures {
    type Value = ::planus::Offset<VerifySignatures>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<VerifySignatures>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for VerifySignaturesRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[VerifySignaturesRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Sign an event with the active signer.
/// 
/// Generated from these locations:
/// * Table `SignEvent` in the file `schemas/crypto.fbs:39`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct SignEvent{
    
        /// The field `event` in the table `SignEvent`
        pub event: ::planus::alloc::boxed::Box<self::UnsignedEvent>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for SignEvent {
    fn default() -> Self {
        Self {
        event: ::core::default::Default::default(),
        
        }
    }
}


impl SignEvent {
    /// Creates a [SignEventBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> SignEventBuilder<()> {
        SignEventBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_event: impl ::planus::WriteAs<::planus::Offset<self::UnsignedEvent>>,
        
    ) -> ::planus::Offset<Self> {let prepared_event = field_event.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<self::UnsignedEvent>>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_event);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<SignEvent>> for SignEvent {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignEvent> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<SignEvent>> for SignEvent {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SignEvent>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<SignEvent> for SignEvent {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignEvent> {
        SignEvent::create(
            builder,
        
            
            &self.event,
            
        
        )
    }
}

/// Builder for serializing an instance of the [SignEvent] type.
///
/// Can be created using the [SignEvent::builder] method.
#[derive(Debug)]
#[must_use]
pub struct SignEventBuilder<State>(State);

impl<
    
> SignEventBuilder
<
    (
    
    )
>
{
    /// Setter for the [`event` field](SignEvent#structfield.event).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn event<T0>(self, value: T0) -> SignEventBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<self::UnsignedEvent>>
    {
        SignEventBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> SignEventBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [SignEvent].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignEvent>
        where Self: ::planus::WriteAsOffset<SignEvent>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::UnsignedEvent>>,
    
> ::planus::WriteAs<::planus::Offset<SignEvent>> for SignEventBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<SignEvent>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignEvent> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::UnsignedEvent>>,
    
> ::planus::WriteAsOptional<::planus::Offset<SignEvent>> for SignEventBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<SignEvent>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SignEvent>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::UnsignedEvent>>,
    
> ::planus::WriteAsOffset<SignEvent> for SignEventBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignEvent> {
        
        let (
            
                v0,
            
        ) = &self.0;SignEvent::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [SignEvent].
#[derive(Copy, Clone)]
pub struct SignEventRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> SignEventRef<'a> {
    
        /// Getter for the [`event` field](SignEvent#structfield.event).
        #[inline]
        pub fn event(&self) -> ::planus::Result<self::UnsignedEventRef<'a>> {
            
            
              
              self.0.access_required(0, "SignEvent", "event")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for SignEventRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("SignEventRef");
        f.field("event", &self.event());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<SignEventRef<'a>> for SignEvent {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: SignEventRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            event: ::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(value.event()?)?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for SignEventRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for SignEventRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[SignEventRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<SignEvent>> for SignEvent {
    type Value = ::planus::Offset<SignEvent>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<SignEvent>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for SignEventRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[SignEventRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Ask the active signer for its public key.
/// 
/// Generated from these locations:
/// * Table `GetPublicKey` in the file `schemas/crypto.fbs:44`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct GetPublicKey{
    }


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for GetPublicKey {
    fn default() -> Self {
        Self {
        
        }
    }
}


impl GetPublicKey {
    /// Creates a [GetPublicKeyBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> GetPublicKeyBuilder<()> {
        GetPublicKeyBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        
    ) -> ::planus::Offset<Self> {

        let table_writer: ::planus::table_writer::TableWriter::<4> = ::core::default::Default::default();
        unsafe {
            table_writer.finish(builder, |_table_writer| {});
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<GetPublicKey>> for GetPublicKey {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetPublicKey> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<GetPublicKey>> for GetPublicKey {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<GetPublicKey>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<GetPublicKey> for GetPublicKey {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetPublicKey> {
        GetPublicKey::create(
            builder,
        
        )
    }
}

/// Builder for serializing an instance of the [GetPublicKey] type.
///
/// Can be created using the [GetPublicKey::builder] method.
#[derive(Debug)]
#[must_use]
pub struct GetPublicKeyBuilder<State>(State);



impl<
    
> GetPublicKeyBuilder<(
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [GetPublicKey].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetPublicKey>
        where Self: ::planus::WriteAsOffset<GetPublicKey>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
> ::planus::WriteAs<::planus::Offset<GetPublicKey>> for GetPublicKeyBuilder<(
    
)> {
    type Prepared = ::planus::Offset<GetPublicKey>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetPublicKey> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
> ::planus::WriteAsOptional<::planus::Offset<GetPublicKey>> for GetPublicKeyBuilder<(
    
)> {
    type Prepared = ::planus::Offset<GetPublicKey>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<GetPublicKey>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
> ::planus::WriteAsOffset<GetPublicKey> for GetPublicKeyBuilder<(
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<GetPublicKey> {
        GetPublicKey::create(
            builder,
            
        )
    }
}

/// Reference to a deserialized [GetPublicKey].
#[derive(Copy, Clone)]
pub struct GetPublicKeyRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> GetPublicKeyRef<'a> {
    
}

impl<'a> ::core::fmt::Debug for GetPublicKeyRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("GetPublicKeyRef");
        
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<GetPublicKeyRef<'a>> for GetPublicKey {
    type Error = ::planus::Error;


    fn try_from(_value: GetPublicKeyRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            
        })
    }
}

impl<'a> ::planus::TableRead<'a> for GetPublicKeyRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for GetPublicKeyRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[GetPublicKeyRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<GetPublicKey>> for GetPublicKey {
    type Value = ::planus::Offset<GetPublicKey>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<GetPublicKey>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for GetPublicKeyRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[GetPublicKeyRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Encrypt `text` for `peer` with the active signer's key.
/// 
/// Generated from these locations:
/// * Table `Encrypt` in the file `schemas/crypto.fbs:48`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Encrypt{
    
        /// The field `scheme` in the table `Encrypt`
        pub scheme: self::EncryptionScheme,
        /// The field `peer` in the table `Encrypt`
        pub peer: self::Bytes32,
        /// The field `text` in the table `Encrypt`
        pub text: ::planus::alloc::string::String,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Encrypt {
    fn default() -> Self {
        Self {
        scheme: self::EncryptionScheme::Nip44,
        peer: ::core::default::Default::default(),
        text: ::core::default::Default::default(),
        
        }
    }
}


impl Encrypt {
    /// Creates a [EncryptBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> EncryptBuilder<()> {
        EncryptBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_scheme: impl ::planus::WriteAsDefault<self::EncryptionScheme, self::EncryptionScheme>,
        field_peer: impl ::planus::WriteAs<self::Bytes32>,
        field_text: impl ::planus::WriteAs<::planus::Offset<str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_scheme = field_scheme.prepare(builder, &self::EncryptionScheme::Nip44);let prepared_peer = field_peer.prepare(builder);let prepared_text = field_text.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        table_writer.write_entry::<self::Bytes32>(1);table_writer.write_entry::<::planus::Offset<str>>(2);if prepared_scheme.is_some() {table_writer.write_entry::<self::EncryptionScheme>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 32>(&prepared_peer);object_writer.write::<_, _, 4>(&prepared_text);if let ::core::option::Option::Some(prepared_scheme) = prepared_scheme {object_writer.write::<_, _, 1>(&prepared_scheme);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Encrypt>> for Encrypt {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Encrypt> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Encrypt>> for Encrypt {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Encrypt>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Encrypt> for Encrypt {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Encrypt> {
        Encrypt::create(
            builder,
        
            
            self.scheme,
            
        
            
            self.peer,
            
        
            
            &self.text,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Encrypt] type.
///
/// Can be created using the [Encrypt::builder] method.
#[derive(Debug)]
#[must_use]
pub struct EncryptBuilder<State>(State);

impl<
    
> EncryptBuilder
<
    (
    
    )
>
{
    /// Setter for the [`scheme` field](Encrypt#structfield.scheme).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn scheme<T0>(self, value: T0) -> EncryptBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<self::EncryptionScheme, self::EncryptionScheme>
    {
        EncryptBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`scheme` field](Encrypt#structfield.scheme) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn scheme_as_default(self) -> EncryptBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.scheme(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> EncryptBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`peer` field](Encrypt#structfield.peer).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn peer<T1>(self, value: T1) -> EncryptBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<self::Bytes32>
    {
        
        let (
            
                v0,
            
        ) = self.0;EncryptBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> EncryptBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`text` field](Encrypt#structfield.text).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn text<T2>(self, value: T2) -> EncryptBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;EncryptBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> EncryptBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Encrypt].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Encrypt>
        where Self: ::planus::WriteAsOffset<Encrypt>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::EncryptionScheme, self::EncryptionScheme>,
    
        T1: ::planus::WriteAs<self::Bytes32>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAs<::planus::Offset<Encrypt>> for EncryptBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<Encrypt>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Encrypt> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::EncryptionScheme, self::EncryptionScheme>,
    
        T1: ::planus::WriteAs<self::Bytes32>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Encrypt>> for EncryptBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<Encrypt>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Encrypt>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::EncryptionScheme, self::EncryptionScheme>,
    
        T1: ::planus::WriteAs<self::Bytes32>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOffset<Encrypt> for EncryptBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Encrypt> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;Encrypt::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [Encrypt].
#[derive(Copy, Clone)]
pub struct EncryptRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> EncryptRef<'a> {
    
        /// Getter for the [`scheme` field](Encrypt#structfield.scheme).
        #[inline]
        pub fn scheme(&self) -> ::planus::Result<self::EncryptionScheme> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "Encrypt", "scheme")
              
            
            ?.unwrap_or(self::EncryptionScheme::Nip44))
            
        }
    
        /// Getter for the [`peer` field](Encrypt#structfield.peer).
        #[inline]
        pub fn peer(&self) -> ::planus::Result<self::Bytes32Ref<'a>> {
            
            
              
              self.0.access_required(1, "Encrypt", "peer")
              
            
            
            
        }
    
        /// Getter for the [`text` field](Encrypt#structfield.text).
        #[inline]
        pub fn text(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(2, "Encrypt", "text")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for EncryptRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("EncryptRef");
        f.field("scheme", &self.scheme());f.field("peer", &self.peer());f.field("text", &self.text());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<EncryptRef<'a>> for Encrypt {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: EncryptRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            scheme: ::core::convert::TryInto::try_into(value.scheme()?)?,peer: ::core::convert::Into::into(value.peer()?),text: ::core::convert::Into::into(value.text()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for EncryptRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for EncryptRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[EncryptRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Encrypt>> for Encrypt {
    type Value = ::planus::Offset<Encrypt>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Encrypt>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for EncryptRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[EncryptRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Decrypt `text` (a NIP-04 or NIP-44 payload) from `peer` with the active signer's key.
/// 
/// Generated from these locations:
/// * Table `Decrypt` in the file `schemas/crypto.fbs:55`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Decrypt{
    
        /// The field `scheme` in the table `Decrypt`
        pub scheme: self::EncryptionScheme,
        /// The field `peer` in the table `Decrypt`
        pub peer: self::Bytes32,
        /// The field `text` in the table `Decrypt`
        pub text: ::planus::alloc::string::String,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Decrypt {
    fn default() -> Self {
        Self {
        scheme: self::EncryptionScheme::Nip44,
        peer: ::core::default::Default::default(),
        text: ::core::default::Default::default(),
        
        }
    }
}


impl Decrypt {
    /// Creates a [DecryptBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> DecryptBuilder<()> {
        DecryptBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_scheme: impl ::planus::WriteAsDefault<self::EncryptionScheme, self::EncryptionScheme>,
        field_peer: impl ::planus::WriteAs<self::Bytes32>,
        field_text: impl ::planus::WriteAs<::planus::Offset<str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_scheme = field_scheme.prepare(builder, &self::EncryptionScheme::Nip44);let prepared_peer = field_peer.prepare(builder);let prepared_text = field_text.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        table_writer.write_entry::<self::Bytes32>(1);table_writer.write_entry::<::planus::Offset<str>>(2);if prepared_scheme.is_some() {table_writer.write_entry::<self::EncryptionScheme>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 32>(&prepared_peer);object_writer.write::<_, _, 4>(&prepared_text);if let ::core::option::Option::Some(prepared_scheme) = prepared_scheme {object_writer.write::<_, _, 1>(&prepared_scheme);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Decrypt>> for Decrypt {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Decrypt> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Decrypt>> for Decrypt {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Decrypt>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Decrypt> for Decrypt {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Decrypt> {
        Decrypt::create(
            builder,
        
            
            self.scheme,
            
        
            
            self.peer,
            
        
            
            &self.text,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Decrypt] type.
///
/// Can be created using the [Decrypt::builder] method.
#[derive(Debug)]
#[must_use]
pub struct DecryptBuilder<State>(State);

impl<
    
> DecryptBuilder
<
    (
    
    )
>
{
    /// Setter for the [`scheme` field](Decrypt#structfield.scheme).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn scheme<T0>(self, value: T0) -> DecryptBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<self::EncryptionScheme, self::EncryptionScheme>
    {
        DecryptBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`scheme` field](Decrypt#structfield.scheme) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn scheme_as_default(self) -> DecryptBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.scheme(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> DecryptBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`peer` field](Decrypt#structfield.peer).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn peer<T1>(self, value: T1) -> DecryptBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<self::Bytes32>
    {
        
        let (
            
                v0,
            
        ) = self.0;DecryptBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> DecryptBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`text` field](Decrypt#structfield.text).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn text<T2>(self, value: T2) -> DecryptBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;DecryptBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> DecryptBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Decrypt].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Decrypt>
        where Self: ::planus::WriteAsOffset<Decrypt>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::EncryptionScheme, self::EncryptionScheme>,
    
        T1: ::planus::WriteAs<self::Bytes32>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAs<::planus::Offset<Decrypt>> for DecryptBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<Decrypt>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Decrypt> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::EncryptionScheme, self::EncryptionScheme>,
    
        T1: ::planus::WriteAs<self::Bytes32>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<Decrypt>> for DecryptBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<Decrypt>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Decrypt>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::EncryptionScheme, self::EncryptionScheme>,
    
        T1: ::planus::WriteAs<self::Bytes32>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOffset<Decrypt> for DecryptBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Decrypt> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;Decrypt::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [Decrypt].
#[derive(Copy, Clone)]
pub struct DecryptRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> DecryptRef<'a> {
    
        /// Getter for the [`scheme` field](Decrypt#structfield.scheme).
        #[inline]
        pub fn scheme(&self) -> ::planus::Result<self::EncryptionScheme> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "Decrypt", "scheme")
              
            
            ?.unwrap_or(self::EncryptionScheme::Nip44))
            
        }
    
        /// Getter for the [`peer` field](Decrypt#structfield.peer).
        #[inline]
        pub fn peer(&self) -> ::planus::Result<self::Bytes32Ref<'a>> {
            
            
              
              self.0.access_required(1, "Decrypt", "peer")
              
            
            
            
        }
    
        /// Getter for the [`text` field](Decrypt#structfield.text).
        #[inline]
        pub fn text(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(2, "Decrypt", "text")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for DecryptRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("DecryptRef");
        f.field("scheme", &self.scheme());f.field("peer", &self.peer());f.field("text", &self.text());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<DecryptRef<'a>> for Decrypt {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: DecryptRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            scheme: ::core::convert::TryInto::try_into(value.scheme()?)?,peer: ::core::convert::Into::into(value.peer()?),text: ::core::convert::Into::into(value.text()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for DecryptRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for DecryptRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[DecryptRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Decrypt>> for Decrypt {
    type Value = ::planus::Offset<Decrypt>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Decrypt>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for DecryptRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[DecryptRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Sign a NIP-42 AUTH event (kind 22242) for `relay_url` and `challenge`.
/// 
/// Generated from these locations:
/// * Table `SignAuth` in the file `schemas/crypto.fbs:62`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct SignAuth{
    
        /// The field `relay_url` in the table `SignAuth`
        pub relay_url: ::planus::alloc::string::String,
        /// The field `challenge` in the table `SignAuth`
        pub challenge: ::planus::alloc::string::String,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for SignAuth {
    fn default() -> Self {
        Self {
        relay_url: ::core::default::Default::default(),
        challenge: ::core::default::Default::default(),
        
        }
    }
}


impl SignAuth {
    /// Creates a [SignAuthBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> SignAuthBuilder<()> {
        SignAuthBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_relay_url: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_challenge: impl ::planus::WriteAs<::planus::Offset<str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_relay_url = field_relay_url.prepare(builder);let prepared_challenge = field_challenge.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);table_writer.write_entry::<::planus::Offset<str>>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_relay_url);object_writer.write::<_, _, 4>(&prepared_challenge);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<SignAuth>> for SignAuth {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignAuth> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<SignAuth>> for SignAuth {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SignAuth>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<SignAuth> for SignAuth {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignAuth> {
        SignAuth::create(
            builder,
        
            
            &self.relay_url,
            
        
            
            &self.challenge,
            
        
        )
    }
}

/// Builder for serializing an instance of the [SignAuth] type.
///
/// Can be created using the [SignAuth::builder] method.
#[derive(Debug)]
#[must_use]
pub struct SignAuthBuilder<State>(State);

impl<
    
> SignAuthBuilder
<
    (
    
    )
>
{
    /// Setter for the [`relay_url` field](SignAuth#structfield.relay_url).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn relay_url<T0>(self, value: T0) -> SignAuthBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        SignAuthBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> SignAuthBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`challenge` field](SignAuth#structfield.challenge).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn challenge<T1>(self, value: T1) -> SignAuthBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;SignAuthBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> SignAuthBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [SignAuth].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignAuth>
        where Self: ::planus::WriteAsOffset<SignAuth>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAs<::planus::Offset<SignAuth>> for SignAuthBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<SignAuth>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignAuth> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<SignAuth>> for SignAuthBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<SignAuth>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SignAuth>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOffset<SignAuth> for SignAuthBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignAuth> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;SignAuth::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [SignAuth].
#[derive(Copy, Clone)]
pub struct SignAuthRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> SignAuthRef<'a> {
    
        /// Getter for the [`relay_url` field](SignAuth#structfield.relay_url).
        #[inline]
        pub fn relay_url(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "SignAuth", "relay_url")
              
            
            
            
        }
    
        /// Getter for the [`challenge` field](SignAuth#structfield.challenge).
        #[inline]
        pub fn challenge(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "SignAuth", "challenge")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for SignAuthRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("SignAuthRef");
        f.field("relay_url", &self.relay_url());f.field("challenge", &self.challenge());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<SignAuthRef<'a>> for SignAuth {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: SignAuthRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            relay_url: ::core::convert::Into::into(value.relay_url()?),challenge: ::core::convert::Into::into(value.challenge()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for SignAuthRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for SignAuthRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[SignAuthRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<SignAuth>> for SignAuth {
    type Value = ::planus::Offset<SignAuth>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<SignAuth>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for SignAuthRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[SignAuthRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  NUT-12 DLEQ proof attached to a Cashu proof.
/// 
/// Generated from these locations:
/// * Table `Dleq` in the file `schemas/crypto.fbs:68`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Dleq{
    
        /// The field `e` in the table `Dleq`
        pub e: self::Bytes32,
        /// The field `s` in the table `Dleq`
        pub s: self::Bytes32,
        ///  Blinding factor that lets a receiver re-check the mint's signature.
        pub r: self::Bytes32,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for Dleq {
    fn default() -> Self {
        Self {
        e: ::core::default::Default::default(),
        s: ::core::default::Default::default(),
        r: ::core::default::Default::default(),
        
        }
    }
}


impl Dleq {
    /// Creates a [DleqBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> DleqBuilder<()> {
        DleqBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_e: impl ::planus::WriteAs<self::Bytes32>,
        field_s: impl ::planus::WriteAs<self::Bytes32>,
        field_r: impl ::planus::WriteAs<self::Bytes32>,
        
    ) -> ::planus::Offset<Self> {let prepared_e = field_e.prepare(builder);let prepared_s = field_s.prepare(builder);let prepared_r = field_r.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        table_writer.write_entry::<self::Bytes32>(0);table_writer.write_entry::<self::Bytes32>(1);table_writer.write_entry::<self::Bytes32>(2);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 32>(&prepared_e);object_writer.write::<_, _, 32>(&prepared_s);object_writer.write::<_, _, 32>(&prepared_r);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Dleq>> for Dleq {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Dleq> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Dleq>> for Dleq {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Dleq>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Dleq> for Dleq {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Dleq> {
        Dleq::create(
            builder,
        
            
            self.e,
            
        
            
            self.s,
            
        
            
            self.r,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Dleq] type.
///
/// Can be created using the [Dleq::builder] method.
#[derive(Debug)]
#[must_use]
pub struct DleqBuilder<State>(State);

impl<
    
> DleqBuilder
<
    (
    
    )
>
{
    /// Setter for the [`e` field](Dleq#structfield.e).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn e<T0>(self, value: T0) -> DleqBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<self::Bytes32>
    {
        DleqBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> DleqBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`s` field](Dleq#structfield.s).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn s<T1>(self, value: T1) -> DleqBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<self::Bytes32>
    {
        
        let (
            
                v0,
            
        ) = self.0;DleqBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> DleqBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`r` field](Dleq#structfield.r).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn r<T2>(self, value: T2) -> DleqBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAs<self::Bytes32>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;DleqBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
> DleqBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Dleq].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Dleq>
        where Self: ::planus::WriteAsOffset<Dleq>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
        T1: ::planus::WriteAs<self::Bytes32>,
    
        T2: ::planus::WriteAs<self::Bytes32>,
    
> ::planus::WriteAs<::planus::Offset<Dleq>> for DleqBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<Dleq>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Dleq> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
        T1: ::planus::WriteAs<self::Bytes32>,
    
        T2: ::planus::WriteAs<self::Bytes32>,
    
> ::planus::WriteAsOptional<::planus::Offset<Dleq>> for DleqBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    type Prepared = ::planus::Offset<Dleq>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Dleq>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
        T1: ::planus::WriteAs<self::Bytes32>,
    
        T2: ::planus::WriteAs<self::Bytes32>,
    
> ::planus::WriteAsOffset<Dleq> for DleqBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Dleq> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = &self.0;Dleq::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
        )
    }
}

/// Reference to a deserialized [Dleq].
#[derive(Copy, Clone)]
pub struct DleqRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> DleqRef<'a> {
    
        /// Getter for the [`e` field](Dleq#structfield.e).
        #[inline]
        pub fn e(&self) -> ::planus::Result<self::Bytes32Ref<'a>> {
            
            
              
              self.0.access_required(0, "Dleq", "e")
              
            
            
            
        }
    
        /// Getter for the [`s` field](Dleq#structfield.s).
        #[inline]
        pub fn s(&self) -> ::planus::Result<self::Bytes32Ref<'a>> {
            
            
              
              self.0.access_required(1, "Dleq", "s")
              
            
            
            
        }
    
        /// Getter for the [`r` field](Dleq#structfield.r).
        #[inline]
        pub fn r(&self) -> ::planus::Result<self::Bytes32Ref<'a>> {
            
            
              
              self.0.access_required(2, "Dleq", "r")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for DleqRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("DleqRef");
        f.field("e", &self.e());f.field("s", &self.s());f.field("r", &self.r());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<DleqRef<'a>> for Dleq {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: DleqRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            e: ::core::convert::Into::into(value.e()?),s: ::core::convert::Into::into(value.s()?),r: ::core::convert::Into::into(value.r()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for DleqRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for DleqRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[DleqRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Dleq>> for Dleq {
    type Value = ::planus::Offset<Dleq>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Dleq>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for DleqRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[DleqRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  One Cashu proof (NUT-00) as held in a token or nutzap.
/// 
/// Generated from these locations:
/// * Table `CashuProof` in the file `schemas/crypto.fbs:76`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct CashuProof{
    
        /// The field `amount` in the table `CashuProof`
        pub amount: u64,
        ///  Keyset id (hex, as in the token).
        pub keyset_id: ::planus::alloc::string::String,
        /// The field `secret` in the table `CashuProof`
        pub secret: ::planus::alloc::string::String,
        ///  The unblinded signature `C`.
        pub c: self::CompressedPoint,
        ///  Absent: the proof cannot be verified offline.
        pub dleq: ::core::option::Option<::planus::alloc::boxed::Box<self::Dleq>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for CashuProof {
    fn default() -> Self {
        Self {
        amount: 0,
        keyset_id: ::core::default::Default::default(),
        secret: ::core::default::Default::default(),
        c: ::core::default::Default::default(),
        dleq: ::core::default::Default::default(),
        
        }
    }
}


impl CashuProof {
    /// Creates a [CashuProofBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CashuProofBuilder<()> {
        CashuProofBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_amount: impl ::planus::WriteAsDefault<u64, u64>,
        field_keyset_id: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_secret: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_c: impl ::planus::WriteAs<self::CompressedPoint>,
        field_dleq: impl ::planus::WriteAsOptional<::planus::Offset<self::Dleq>>,
        
    ) -> ::planus::Offset<Self> {let prepared_amount = field_amount.prepare(builder, &0);let prepared_keyset_id = field_keyset_id.prepare(builder);let prepared_secret = field_secret.prepare(builder);let prepared_c = field_c.prepare(builder);let prepared_dleq = field_dleq.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<14> = ::core::default::Default::default();
        if prepared_amount.is_some() {table_writer.write_entry::<u64>(0);}table_writer.write_entry::<self::CompressedPoint>(3);table_writer.write_entry::<::planus::Offset<str>>(1);table_writer.write_entry::<::planus::Offset<str>>(2);if prepared_dleq.is_some() {table_writer.write_entry::<::planus::Offset<self::Dleq>>(4);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_amount) = prepared_amount {object_writer.write::<_, _, 8>(&prepared_amount);}object_writer.write::<_, _, 40>(&prepared_c);object_writer.write::<_, _, 4>(&prepared_keyset_id);object_writer.write::<_, _, 4>(&prepared_secret);if let ::core::option::Option::Some(prepared_dleq) = prepared_dleq {object_writer.write::<_, _, 4>(&prepared_dleq);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<CashuProof>> for CashuProof {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CashuProof> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<CashuProof>> for CashuProof {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CashuProof>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<CashuProof> for CashuProof {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CashuProof> {
        CashuProof::create(
            builder,
        
            
            self.amount,
            
        
            
            &self.keyset_id,
            
        
            
            &self.secret,
            
        
            
            self.c,
            
        
            
            &self.dleq,
            
        
        )
    }
}

/// Builder for serializing an instance of the [CashuProof] type.
///
/// Can be created using the [CashuProof::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CashuProofBuilder<State>(State);

impl<
    
> CashuProofBuilder
<
    (
    
    )
>
{
    /// Setter for the [`amount` field](CashuProof#structfield.amount).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn amount<T0>(self, value: T0) -> CashuProofBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        CashuProofBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`amount` field](CashuProof#structfield.amount) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn amount_as_default(self) -> CashuProofBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.amount(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> CashuProofBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`keyset_id` field](CashuProof#structfield.keyset_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn keyset_id<T1>(self, value: T1) -> CashuProofBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;CashuProofBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
> CashuProofBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`secret` field](CashuProof#structfield.secret).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn secret<T2>(self, value: T2) -> CashuProofBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAs<::planus::Offset<str>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;CashuProofBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> CashuProofBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`c` field](CashuProof#structfield.c).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn c<T3>(self, value: T3) -> CashuProofBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAs<self::CompressedPoint>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;CashuProofBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> CashuProofBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`dleq` field](CashuProof#structfield.dleq).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn dleq<T4>(self, value: T4) -> CashuProofBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAsOptional<::planus::Offset<self::Dleq>>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;CashuProofBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    

    
    /// Sets the [`dleq` field](CashuProof#structfield.dleq) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn dleq_as_null(self) -> CashuProofBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
        (),
    )>
    {
        self.dleq(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> CashuProofBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [CashuProof].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<CashuProof>
        where Self: ::planus::WriteAsOffset<CashuProof>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAs<self::CompressedPoint>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<self::Dleq>>,
    
> ::planus::WriteAs<::planus::Offset<CashuProof>> for CashuProofBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<CashuProof>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CashuProof> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAs<self::CompressedPoint>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<self::Dleq>>,
    
> ::planus::WriteAsOptional<::planus::Offset<CashuProof>> for CashuProofBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<CashuProof>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CashuProof>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAs<::planus::Offset<str>>,
    
        T2: ::planus::WriteAs<::planus::Offset<str>>,
    
        T3: ::planus::WriteAs<self::CompressedPoint>,
    
        T4: ::planus::WriteAsOptional<::planus::Offset<self::Dleq>>,
    
> ::planus::WriteAsOffset<CashuProof> for CashuProofBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CashuProof> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = &self.0;CashuProof::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        )
    }
}

/// Reference to a deserialized [CashuProof].
#[derive(Copy, Clone)]
pub struct CashuProofRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> CashuProofRef<'a> {
    
        /// Getter for the [`amount` field](CashuProof#structfield.amount).
        #[inline]
        pub fn amount(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "CashuProof", "amount")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`keyset_id` field](CashuProof#structfield.keyset_id).
        #[inline]
        pub fn keyset_id(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(1, "CashuProof", "keyset_id")
              
            
            
            
        }
    
        /// Getter for the [`secret` field](CashuProof#structfield.secret).
        #[inline]
        pub fn secret(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(2, "CashuProof", "secret")
              
            
            
            
        }
    
        /// Getter for the [`c` field](CashuProof#structfield.c).
        #[inline]
        pub fn c(&self) -> ::planus::Result<self::CompressedPointRef<'a>> {
            
            
              
              self.0.access_required(3, "CashuProof", "c")
              
            
            
            
        }
    
        /// Getter for the [`dleq` field](CashuProof#structfield.dleq).
        #[inline]
        pub fn dleq(&self) -> ::planus::Result<::core::option::Option<self::DleqRef<'a>>> {
            
            
              
              self.0.access(4, "CashuProof", "dleq")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for CashuProofRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("CashuProofRef");
        f.field("amount", &self.amount());f.field("keyset_id", &self.keyset_id());f.field("secret", &self.secret());f.field("c", &self.c());if let ::core::option::Option::Some(field_dleq) = self.dleq().transpose() {
                f.field("dleq", &field_dleq);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<CashuProofRef<'a>> for CashuProof {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: CashuProofRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            amount: ::core::convert::TryInto::try_into(value.amount()?)?,keyset_id: ::core::convert::Into::into(value.keyset_id()?),secret: ::core::convert::Into::into(value.secret()?),c: ::core::convert::Into::into(value.c()?),dleq: 
                                if let ::core::option::Option::Some(dleq) = value.dleq()? {
                                    ::core::option::Option::Some(::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(dleq)?))
                                } else {
                                    ::core::option::Option::None
                                }
                            ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for CashuProofRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for CashuProofRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[CashuProofRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<CashuProof>> for CashuProof {
    type Value = ::planus::Offset<CashuProof>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<CashuProof>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for CashuProofRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[CashuProofRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Check Cashu proofs against the mint's public keys (fetched and cached by the worker).
/// 
/// Generated from these locations:
/// * Table `VerifyProofs` in the file `schemas/crypto.fbs:88`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct VerifyProofs{
    
        /// The field `mint_url` in the table `VerifyProofs`
        pub mint_url: ::planus::alloc::string::String,
        /// The field `proofs` in the table `VerifyProofs`
        pub proofs: ::core::option::Option<::planus::alloc::vec::Vec<self::CashuProof>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for VerifyProofs {
    fn default() -> Self {
        Self {
        mint_url: ::core::default::Default::default(),
        proofs: ::core::default::Default::default(),
        
        }
    }
}


impl VerifyProofs {
    /// Creates a [VerifyProofsBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> VerifyProofsBuilder<()> {
        VerifyProofsBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_mint_url: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_proofs: impl ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::CashuProof>]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_mint_url = field_mint_url.prepare(builder);let prepared_proofs = field_proofs.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);if prepared_proofs.is_some() {table_writer.write_entry::<::planus::Offset<[::planus::Offset<self::CashuProof>]>>(1);}

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_mint_url);if let ::core::option::Option::Some(prepared_proofs) = prepared_proofs {object_writer.write::<_, _, 4>(&prepared_proofs);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<VerifyProofs>> for VerifyProofs {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifyProofs> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<VerifyProofs>> for VerifyProofs {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<VerifyProofs>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<VerifyProofs> for VerifyProofs {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifyProofs> {
        VerifyProofs::create(
            builder,
        
            
            &self.mint_url,
            
        
            
            &self.proofs,
            
        
        )
    }
}

/// Builder for serializing an instance of the [VerifyProofs] type.
///
/// Can be created using the [VerifyProofs::builder] method.
#[derive(Debug)]
#[must_use]
pub struct VerifyProofsBuilder<State>(State);

impl<
    
> VerifyProofsBuilder
<
    (
    
    )
>
{
    /// Setter for the [`mint_url` field](VerifyProofs#structfield.mint_url).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn mint_url<T0>(self, value: T0) -> VerifyProofsBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        VerifyProofsBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> VerifyProofsBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`proofs` field](VerifyProofs#structfield.proofs).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn proofs<T1>(self, value: T1) -> VerifyProofsBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::CashuProof>]>>
    {
        
        let (
            
                v0,
            
        ) = self.0;VerifyProofsBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`proofs` field](VerifyProofs#structfield.proofs) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn proofs_as_null(self) -> VerifyProofsBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.proofs(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
> VerifyProofsBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [VerifyProofs].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifyProofs>
        where Self: ::planus::WriteAsOffset<VerifyProofs>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::CashuProof>]>>,
    
> ::planus::WriteAs<::planus::Offset<VerifyProofs>> for VerifyProofsBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<VerifyProofs>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifyProofs> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::CashuProof>]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<VerifyProofs>> for VerifyProofsBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<VerifyProofs>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<VerifyProofs>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<[::planus::Offset<self::CashuProof>]>>,
    
> ::planus::WriteAsOffset<VerifyProofs> for VerifyProofsBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifyProofs> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;VerifyProofs::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [VerifyProofs].
#[derive(Copy, Clone)]
pub struct VerifyProofsRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> VerifyProofsRef<'a> {
    
        /// Getter for the [`mint_url` field](VerifyProofs#structfield.mint_url).
        #[inline]
        pub fn mint_url(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "VerifyProofs", "mint_url")
              
            
            
            
        }
    
        /// Getter for the [`proofs` field](VerifyProofs#structfield.proofs).
        #[inline]
        pub fn proofs(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::planus::Result<self::CashuProofRef<'a>>>>> {
            
            
              
              self.0.access(1, "VerifyProofs", "proofs")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for VerifyProofsRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("VerifyProofsRef");
        f.field("mint_url", &self.mint_url());if let ::core::option::Option::Some(field_proofs) = self.proofs().transpose() {
                f.field("proofs", &field_proofs);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<VerifyProofsRef<'a>> for VerifyProofs {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: VerifyProofsRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            mint_url: ::core::convert::Into::into(value.mint_url()?),proofs: 
                            if let ::core::option::Option::Some(proofs) = value.proofs()? {
                                ::core::option::Option::Some(proofs.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for VerifyProofsRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for VerifyProofsRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[VerifyProofsRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<VerifyProofs>> for VerifyProofs {
    type Value = ::planus::Offset<VerifyProofs>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<VerifyProofs>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for VerifyProofsRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[VerifyProofsRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Every request the crypto worker serves.
/// 
/// Generated from these locations:
/// * Union `CryptoRequestBody` in the file `schemas/crypto.fbs:94`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize)]
pub enum CryptoRequestBody{
    
        /// The variant of type `VerifyEvents` in the union `CryptoRequestBody`
        VerifyEvents(::planus::alloc::boxed::Box<self::VerifyEvents>),
    
        /// The variant of type `VerifySignatures` in the union `CryptoRequestBody`
        VerifySignatures(::planus::alloc::boxed::Box<self::VerifySignatures>),
    
        /// The variant of type `SignEvent` in the union `CryptoRequestBody`
        SignEvent(::planus::alloc::boxed::Box<self::SignEvent>),
    
        /// The variant of type `GetPublicKey` in the union `CryptoRequestBody`
        GetPublicKey(::planus::alloc::boxed::Box<self::GetPublicKey>),
    
        /// The variant of type `Encrypt` in the union `CryptoRequestBody`
        Encrypt(::planus::alloc::boxed::Box<self::Encrypt>),
    
        /// The variant of type `Decrypt` in the union `CryptoRequestBody`
        Decrypt(::planus::alloc::boxed::Box<self::Decrypt>),
    
        /// The variant of type `SignAuth` in the union `CryptoRequestBody`
        SignAuth(::planus::alloc::boxed::Box<self::SignAuth>),
    
        /// The variant of type `VerifyProofs` in the union `CryptoRequestBody`
        VerifyProofs(::planus::alloc::boxed::Box<self::VerifyProofs>),
    
}


impl CryptoRequestBody {
    /// Creates a [CryptoRequestBodyBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CryptoRequestBodyBuilder<::planus::Uninitialized> {
        CryptoRequestBodyBuilder(::planus::Uninitialized)
    }

    #[inline]
    pub fn create_verify_events(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::VerifyEvents>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(1, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_verify_signatures(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::VerifySignatures>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(2, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_sign_event(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::SignEvent>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(3, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_get_public_key(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::GetPublicKey>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(4, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_encrypt(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Encrypt>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(5, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_decrypt(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Decrypt>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(6, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_sign_auth(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::SignAuth>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(7, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_verify_proofs(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::VerifyProofs>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(8, value.prepare(builder).downcast())
    }

    
}



impl ::planus::WriteAsUnion<CryptoRequestBody> for CryptoRequestBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Self> {
        match self {
            Self::VerifyEvents(value) => Self::create_verify_events(builder, value),
            Self::VerifySignatures(value) => Self::create_verify_signatures(builder, value),
            Self::SignEvent(value) => Self::create_sign_event(builder, value),
            Self::GetPublicKey(value) => Self::create_get_public_key(builder, value),
            Self::Encrypt(value) => Self::create_encrypt(builder, value),
            Self::Decrypt(value) => Self::create_decrypt(builder, value),
            Self::SignAuth(value) => Self::create_sign_auth(builder, value),
            Self::VerifyProofs(value) => Self::create_verify_proofs(builder, value),
            
        }
    }
}


impl ::planus::WriteAsOptionalUnion<CryptoRequestBody> for CryptoRequestBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Self>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}

/// Builder for serializing an instance of the [CryptoRequestBody] type.
///
/// Can be created using the [CryptoRequestBody::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CryptoRequestBodyBuilder<T>(T);

impl CryptoRequestBodyBuilder<::planus::Uninitialized> {
    /// Creates an instance of the [`VerifyEvents` variant](CryptoRequestBody#variant.VerifyEvents).
    #[inline]
    pub fn verify_events<T>(
        self,
        value: T,
    ) -> CryptoRequestBodyBuilder<::planus::Initialized<1, T>>
        where T: ::planus::WriteAsOffset<self::VerifyEvents> {
        CryptoRequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`VerifySignatures` variant](CryptoRequestBody#variant.VerifySignatures).
    #[inline]
    pub fn verify_signatures<T>(
        self,
        value: T,
    ) -> CryptoRequestBodyBuilder<::planus::Initialized<2, T>>
        where T: ::planus::WriteAsOffset<self::VerifySignatures> {
        CryptoRequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`SignEvent` variant](CryptoRequestBody#variant.SignEvent).
    #[inline]
    pub fn sign_event<T>(
        self,
        value: T,
    ) -> CryptoRequestBodyBuilder<::planus::Initialized<3, T>>
        where T: ::planus::WriteAsOffset<self::SignEvent> {
        CryptoRequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`GetPublicKey` variant](CryptoRequestBody#variant.GetPublicKey).
    #[inline]
    pub fn get_public_key<T>(
        self,
        value: T,
    ) -> CryptoRequestBodyBuilder<::planus::Initialized<4, T>>
        where T: ::planus::WriteAsOffset<self::GetPublicKey> {
        CryptoRequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Encrypt` variant](CryptoRequestBody#variant.Encrypt).
    #[inline]
    pub fn encrypt<T>(
        self,
        value: T,
    ) -> CryptoRequestBodyBuilder<::planus::Initialized<5, T>>
        where T: ::planus::WriteAsOffset<self::Encrypt> {
        CryptoRequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Decrypt` variant](CryptoRequestBody#variant.Decrypt).
    #[inline]
    pub fn decrypt<T>(
        self,
        value: T,
    ) -> CryptoRequestBodyBuilder<::planus::Initialized<6, T>>
        where T: ::planus::WriteAsOffset<self::Decrypt> {
        CryptoRequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`SignAuth` variant](CryptoRequestBody#variant.SignAuth).
    #[inline]
    pub fn sign_auth<T>(
        self,
        value: T,
    ) -> CryptoRequestBodyBuilder<::planus::Initialized<7, T>>
        where T: ::planus::WriteAsOffset<self::SignAuth> {
        CryptoRequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`VerifyProofs` variant](CryptoRequestBody#variant.VerifyProofs).
    #[inline]
    pub fn verify_proofs<T>(
        self,
        value: T,
    ) -> CryptoRequestBodyBuilder<::planus::Initialized<8, T>>
        where T: ::planus::WriteAsOffset<self::VerifyProofs> {
        CryptoRequestBodyBuilder(::planus::Initialized(value))
    }

    
}

impl<const N: u8, T> CryptoRequestBodyBuilder<::planus::Initialized<N, T>> {
    /// Finish writing the builder to get an [UnionOffset](::planus::UnionOffset) to a serialized [CryptoRequestBody].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoRequestBody>
        where Self: ::planus::WriteAsUnion<CryptoRequestBody>
    {
        ::planus::WriteAsUnion::prepare(&self, builder)
    }
}

impl<T> ::planus::WriteAsUnion<CryptoRequestBody> for CryptoRequestBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::VerifyEvents>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoRequestBody> {
        ::planus::UnionOffset::new(1, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CryptoRequestBody> for CryptoRequestBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::VerifyEvents>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CryptoRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CryptoRequestBody> for CryptoRequestBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::VerifySignatures>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoRequestBody> {
        ::planus::UnionOffset::new(2, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CryptoRequestBody> for CryptoRequestBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::VerifySignatures>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CryptoRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CryptoRequestBody> for CryptoRequestBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::SignEvent>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoRequestBody> {
        ::planus::UnionOffset::new(3, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CryptoRequestBody> for CryptoRequestBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::SignEvent>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CryptoRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CryptoRequestBody> for CryptoRequestBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::GetPublicKey>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoRequestBody> {
        ::planus::UnionOffset::new(4, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CryptoRequestBody> for CryptoRequestBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::GetPublicKey>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CryptoRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CryptoRequestBody> for CryptoRequestBodyBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::Encrypt>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoRequestBody> {
        ::planus::UnionOffset::new(5, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CryptoRequestBody> for CryptoRequestBodyBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::Encrypt>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CryptoRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CryptoRequestBody> for CryptoRequestBodyBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::Decrypt>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoRequestBody> {
        ::planus::UnionOffset::new(6, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CryptoRequestBody> for CryptoRequestBodyBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::Decrypt>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CryptoRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CryptoRequestBody> for CryptoRequestBodyBuilder<::planus::Initialized<7, T>>
    where T: ::planus::WriteAsOffset<self::SignAuth>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoRequestBody> {
        ::planus::UnionOffset::new(7, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CryptoRequestBody> for CryptoRequestBodyBuilder<::planus::Initialized<7, T>>
    where T: ::planus::WriteAsOffset<self::SignAuth>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CryptoRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CryptoRequestBody> for CryptoRequestBodyBuilder<::planus::Initialized<8, T>>
    where T: ::planus::WriteAsOffset<self::VerifyProofs>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoRequestBody> {
        ::planus::UnionOffset::new(8, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CryptoRequestBody> for CryptoRequestBodyBuilder<::planus::Initialized<8, T>>
    where T: ::planus::WriteAsOffset<self::VerifyProofs>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CryptoRequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}


/// Reference to a deserialized [CryptoRequestBody].
#[derive(Copy, Clone, Debug)]
pub enum CryptoRequestBodyRef<'a>{
    VerifyEvents(self::VerifyEventsRef<'a>),
    VerifySignatures(self::VerifySignaturesRef<'a>),
    SignEvent(self::SignEventRef<'a>),
    GetPublicKey(self::GetPublicKeyRef<'a>),
    Encrypt(self::EncryptRef<'a>),
    Decrypt(self::DecryptRef<'a>),
    SignAuth(self::SignAuthRef<'a>),
    VerifyProofs(self::VerifyProofsRef<'a>),
    
}


impl<'a> ::core::convert::TryFrom<CryptoRequestBodyRef<'a>> for CryptoRequestBody {
    type Error = ::planus::Error;

    fn try_from(value: CryptoRequestBodyRef<'a>) -> ::planus::Result<Self> {
        ::core::result::Result::Ok(match value {
            
                CryptoRequestBodyRef::VerifyEvents(value) => Self::VerifyEvents(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CryptoRequestBodyRef::VerifySignatures(value) => Self::VerifySignatures(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CryptoRequestBodyRef::SignEvent(value) => Self::SignEvent(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CryptoRequestBodyRef::GetPublicKey(value) => Self::GetPublicKey(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CryptoRequestBodyRef::Encrypt(value) => Self::Encrypt(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CryptoRequestBodyRef::Decrypt(value) => Self::Decrypt(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CryptoRequestBodyRef::SignAuth(value) => Self::SignAuth(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CryptoRequestBodyRef::VerifyProofs(value) => Self::VerifyProofs(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
        })
    }
}



impl<'a> ::planus::TableReadUnion<'a> for CryptoRequestBodyRef<'a> {
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, tag: u8, field_offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        match tag {
            1 => ::core::result::Result::Ok(Self::VerifyEvents(::planus::TableRead::from_buffer(buffer, field_offset)?)),2 => ::core::result::Result::Ok(Self::VerifySignatures(::planus::TableRead::from_buffer(buffer, field_offset)?)),3 => ::core::result::Result::Ok(Self::SignEvent(::planus::TableRead::from_buffer(buffer, field_offset)?)),4 => ::core::result::Result::Ok(Self::GetPublicKey(::planus::TableRead::from_buffer(buffer, field_offset)?)),5 => ::core::result::Result::Ok(Self::Encrypt(::planus::TableRead::from_buffer(buffer, field_offset)?)),6 => ::core::result::Result::Ok(Self::Decrypt(::planus::TableRead::from_buffer(buffer, field_offset)?)),7 => ::core::result::Result::Ok(Self::SignAuth(::planus::TableRead::from_buffer(buffer, field_offset)?)),8 => ::core::result::Result::Ok(Self::VerifyProofs(::planus::TableRead::from_buffer(buffer, field_offset)?)),_ => ::core::result::Result::Err(::planus::errors::ErrorKind::UnknownUnionTag { tag }),
        }
    }
}



impl<'a> ::planus::VectorReadUnion<'a> for CryptoRequestBodyRef<'a> {
    const VECTOR_NAME: &'static str = "[CryptoRequestBodyRef]";
}


    
///  Root message: a request to the crypto worker.
/// 
/// Generated from these locations:
/// * Table `CryptoRequest` in the file `schemas/crypto.fbs:106`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct CryptoRequest{
    
        /// The field `request_id` in the table `CryptoRequest`
        pub request_id: u64,
        /// The field `body` in the table `CryptoRequest`
        pub body: self::CryptoRequestBody,}



impl CryptoRequest {
    /// Creates a [CryptoRequestBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CryptoRequestBuilder<()> {
        CryptoRequestBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_request_id: impl ::planus::WriteAsDefault<u64, u64>,
        field_body: impl ::planus::WriteAsUnion<self::CryptoRequestBody>,
        
    ) -> ::planus::Offset<Self> {let prepared_request_id = field_request_id.prepare(builder, &0);let prepared_body = field_body.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        if prepared_request_id.is_some() {table_writer.write_entry::<u64>(0);}table_writer.write_entry::<::planus::Offset<self::CryptoRequestBody>>(2);table_writer.write_entry::<u8>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_request_id) = prepared_request_id {object_writer.write::<_, _, 8>(&prepared_request_id);}object_writer.write::<_, _, 4>(&prepared_body.offset());object_writer.write::<_, _, 1>(&prepared_body.tag());
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<CryptoRequest>> for CryptoRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CryptoRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<CryptoRequest>> for CryptoRequest {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CryptoRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<CryptoRequest> for CryptoRequest {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CryptoRequest> {
        CryptoRequest::create(
            builder,
        
            
            self.request_id,
            
        
            
            &self.body,
            
        
        )
    }
}

/// Builder for serializing an instance of the [CryptoRequest] type.
///
/// Can be created using the [CryptoRequest::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CryptoRequestBuilder<State>(State);

impl<
    
> CryptoRequestBuilder
<
    (
    
    )
>
{
    /// Setter for the [`request_id` field](CryptoRequest#structfield.request_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id<T0>(self, value: T0) -> CryptoRequestBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        CryptoRequestBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`request_id` field](CryptoRequest#structfield.request_id) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id_as_default(self) -> CryptoRequestBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.request_id(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> CryptoRequestBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`body` field](CryptoRequest#structfield.body).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn body<T1>(self, value: T1) -> CryptoRequestBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsUnion<self::CryptoRequestBody>
    {
        
        let (
            
                v0,
            
        ) = self.0;CryptoRequestBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> CryptoRequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [CryptoRequest].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<CryptoRequest>
        where Self: ::planus::WriteAsOffset<CryptoRequest>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::CryptoRequestBody>,
    
> ::planus::WriteAs<::planus::Offset<CryptoRequest>> for CryptoRequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<CryptoRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CryptoRequest> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::CryptoRequestBody>,
    
> ::planus::WriteAsOptional<::planus::Offset<CryptoRequest>> for CryptoRequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<CryptoRequest>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CryptoRequest>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::CryptoRequestBody>,
    
> ::planus::WriteAsOffset<CryptoRequest> for CryptoRequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CryptoRequest> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;CryptoRequest::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [CryptoRequest].
#[derive(Copy, Clone)]
pub struct CryptoRequestRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> CryptoRequestRef<'a> {
    
        /// Getter for the [`request_id` field](CryptoRequest#structfield.request_id).
        #[inline]
        pub fn request_id(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "CryptoRequest", "request_id")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`body` field](CryptoRequest#structfield.body).
        #[inline]
        pub fn body(&self) -> ::planus::Result<self::CryptoRequestBodyRef<'a>> {
            
            
              
              self.0.access_union_required(1, "CryptoRequest", "body")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for CryptoRequestRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("CryptoRequestRef");
        f.field("request_id", &self.request_id());f.field("body", &self.body());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<CryptoRequestRef<'a>> for CryptoRequest {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: CryptoRequestRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            request_id: ::core::convert::TryInto::try_into(value.request_id()?)?,body: ::core::convert::TryInto::try_into(value.body()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for CryptoRequestRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for CryptoRequestRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[CryptoRequestRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<CryptoRequest>> for CryptoRequest {
    type Value = ::planus::Offset<CryptoRequest>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<CryptoRequest>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for CryptoRequestRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[CryptoRequestRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Result of checking one event or signature.
/// 
/// Generated from these locations:
/// * Enum `VerifyStatus` in the file `schemas/crypto.fbs:112`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u8)]pub enum VerifyStatus {
    
        /// The variant `Valid` in the enum `VerifyStatus`
        Valid = 0,
    
        ///  The id is not the hash of the event.
        IdMismatch = 1,
    
        ///  The public key is not a valid x-only point.
        InvalidPublicKey = 2,
    
        ///  The signature does not verify.
        InvalidSignature = 3,
    
}

impl VerifyStatus {
    /// Array containing all valid variants of VerifyStatus
    pub const ENUM_VALUES: [Self; 4] = [Self::Valid,Self::IdMismatch,Self::InvalidPublicKey,Self::InvalidSignature,];
}

impl ::core::convert::TryFrom<u8> for VerifyStatus {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u8) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(VerifyStatus::Valid),
            1 => ::core::result::Result::Ok(VerifyStatus::IdMismatch),
            2 => ::core::result::Result::Ok(VerifyStatus::InvalidPublicKey),
            3 => ::core::result::Result::Ok(VerifyStatus::InvalidSignature),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<VerifyStatus> for u8 {
    #[inline]
    fn from(value: VerifyStatus) -> Self {
        value as u8
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for VerifyStatus {
    const ALIGNMENT: usize = 1;
    const SIZE: usize = 1;
}

impl ::planus::WriteAsPrimitive<VerifyStatus> for VerifyStatus {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u8).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<VerifyStatus> for VerifyStatus {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> VerifyStatus {
        *self
    }
}

impl ::planus::WriteAsDefault<VerifyStatus, VerifyStatus> for VerifyStatus {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &VerifyStatus) -> ::core::option::Option<VerifyStatus> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<VerifyStatus> for VerifyStatus {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<VerifyStatus> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for VerifyStatus {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u8 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for VerifyStatus {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 1;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { *buffer.buffer.get_unchecked(offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "VerifyStatus",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<VerifyStatus> for VerifyStatus {
    const STRIDE: usize = 1;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 1];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - i as u32,
                
            );
        }
    }
}

    
///  Answer to `VerifyEvents` or `VerifySignatures`: one status per item, in request order.
/// 
/// Generated from these locations:
/// * Table `VerifyResult` in the file `schemas/crypto.fbs:123`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct VerifyResult{
    
        /// The field `results` in the table `VerifyResult`
        pub results: ::core::option::Option<::planus::alloc::vec::Vec<self::VerifyStatus>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for VerifyResult {
    fn default() -> Self {
        Self {
        results: ::core::default::Default::default(),
        
        }
    }
}


impl VerifyResult {
    /// Creates a [VerifyResultBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> VerifyResultBuilder<()> {
        VerifyResultBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_results: impl ::planus::WriteAsOptional<::planus::Offset<[self::VerifyStatus]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_results = field_results.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_results.is_some() {table_writer.write_entry::<::planus::Offset<[self::VerifyStatus]>>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_results) = prepared_results {object_writer.write::<_, _, 4>(&prepared_results);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<VerifyResult>> for VerifyResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifyResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<VerifyResult>> for VerifyResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<VerifyResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<VerifyResult> for VerifyResult {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifyResult> {
        VerifyResult::create(
            builder,
        
            
            &self.results,
            
        
        )
    }
}

/// Builder for serializing an instance of the [VerifyResult] type.
///
/// Can be created using the [VerifyResult::builder] method.
#[derive(Debug)]
#[must_use]
pub struct VerifyResultBuilder<State>(State);

impl<
    
> VerifyResultBuilder
<
    (
    
    )
>
{
    /// Setter for the [`results` field](VerifyResult#structfield.results).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn results<T0>(self, value: T0) -> VerifyResultBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<::planus::Offset<[self::VerifyStatus]>>
    {
        VerifyResultBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`results` field](VerifyResult#structfield.results) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn results_as_null(self) -> VerifyResultBuilder<(
        
        (),
    )>
    {
        self.results(())
    }
    
}



impl<
    
        T0,
    
> VerifyResultBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [VerifyResult].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifyResult>
        where Self: ::planus::WriteAsOffset<VerifyResult>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[self::VerifyStatus]>>,
    
> ::planus::WriteAs<::planus::Offset<VerifyResult>> for VerifyResultBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<VerifyResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifyResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[self::VerifyStatus]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<VerifyResult>> for VerifyResultBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<VerifyResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<VerifyResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[self::VerifyStatus]>>,
    
> ::planus::WriteAsOffset<VerifyResult> for VerifyResultBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<VerifyResult> {
        
        let (
            
                v0,
            
        ) = &self.0;VerifyResult::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [VerifyResult].
#[derive(Copy, Clone)]
pub struct VerifyResultRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> VerifyResultRef<'a> {
    
        /// Getter for the [`results` field](VerifyResult#structfield.results).
        #[inline]
        pub fn results(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::core::result::Result<self::VerifyStatus, ::planus::errors::UnknownEnumTag>>>> {
            
            
              
              self.0.access(0, "VerifyResult", "results")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for VerifyResultRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("VerifyResultRef");
        if let ::core::option::Option::Some(field_results) = self.results().transpose() {
                f.field("results", &field_results);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<VerifyResultRef<'a>> for VerifyResult {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: VerifyResultRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            results: 
                            if let ::core::option::Option::Some(results) = value.results()? {
                                ::core::option::Option::Some(results.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for VerifyResultRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for VerifyResultRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[VerifyResultRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<VerifyResult>> for VerifyResult {
    type Value = ::planus::Offset<VerifyResult>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<VerifyResult>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for VerifyResultRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[VerifyResultRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Answer to `SignEvent` and `SignAuth`.
/// 
/// Generated from these locations:
/// * Table `SignedEvent` in the file `schemas/crypto.fbs:128`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct SignedEvent{
    
        /// The field `event` in the table `SignedEvent`
        pub event: ::planus::alloc::boxed::Box<self::Event>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for SignedEvent {
    fn default() -> Self {
        Self {
        event: ::core::default::Default::default(),
        
        }
    }
}


impl SignedEvent {
    /// Creates a [SignedEventBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> SignedEventBuilder<()> {
        SignedEventBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_event: impl ::planus::WriteAs<::planus::Offset<self::Event>>,
        
    ) -> ::planus::Offset<Self> {let prepared_event = field_event.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<self::Event>>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_event);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<SignedEvent>> for SignedEvent {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignedEvent> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<SignedEvent>> for SignedEvent {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SignedEvent>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<SignedEvent> for SignedEvent {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignedEvent> {
        SignedEvent::create(
            builder,
        
            
            &self.event,
            
        
        )
    }
}

/// Builder for serializing an instance of the [SignedEvent] type.
///
/// Can be created using the [SignedEvent::builder] method.
#[derive(Debug)]
#[must_use]
pub struct SignedEventBuilder<State>(State);

impl<
    
> SignedEventBuilder
<
    (
    
    )
>
{
    /// Setter for the [`event` field](SignedEvent#structfield.event).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn event<T0>(self, value: T0) -> SignedEventBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<self::Event>>
    {
        SignedEventBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> SignedEventBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [SignedEvent].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignedEvent>
        where Self: ::planus::WriteAsOffset<SignedEvent>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Event>>,
    
> ::planus::WriteAs<::planus::Offset<SignedEvent>> for SignedEventBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<SignedEvent>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignedEvent> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Event>>,
    
> ::planus::WriteAsOptional<::planus::Offset<SignedEvent>> for SignedEventBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<SignedEvent>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SignedEvent>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<self::Event>>,
    
> ::planus::WriteAsOffset<SignedEvent> for SignedEventBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignedEvent> {
        
        let (
            
                v0,
            
        ) = &self.0;SignedEvent::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [SignedEvent].
#[derive(Copy, Clone)]
pub struct SignedEventRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> SignedEventRef<'a> {
    
        /// Getter for the [`event` field](SignedEvent#structfield.event).
        #[inline]
        pub fn event(&self) -> ::planus::Result<self::EventRef<'a>> {
            
            
              
              self.0.access_required(0, "SignedEvent", "event")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for SignedEventRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("SignedEventRef");
        f.field("event", &self.event());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<SignedEventRef<'a>> for SignedEvent {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: SignedEventRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            event: ::planus::alloc::boxed::Box::new(::core::convert::TryInto::try_into(value.event()?)?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for SignedEventRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for SignedEventRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[SignedEventRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<SignedEvent>> for SignedEvent {
    type Value = ::planus::Offset<SignedEvent>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<SignedEvent>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for SignedEventRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[SignedEventRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Answer to `GetPublicKey`.
/// 
/// Generated from these locations:
/// * Table `PublicKeyResult` in the file `schemas/crypto.fbs:133`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct PublicKeyResult{
    
        /// The field `pubkey` in the table `PublicKeyResult`
        pub pubkey: self::Bytes32,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for PublicKeyResult {
    fn default() -> Self {
        Self {
        pubkey: ::core::default::Default::default(),
        
        }
    }
}


impl PublicKeyResult {
    /// Creates a [PublicKeyResultBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> PublicKeyResultBuilder<()> {
        PublicKeyResultBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_pubkey: impl ::planus::WriteAs<self::Bytes32>,
        
    ) -> ::planus::Offset<Self> {let prepared_pubkey = field_pubkey.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<self::Bytes32>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 32>(&prepared_pubkey);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<PublicKeyResult>> for PublicKeyResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PublicKeyResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<PublicKeyResult>> for PublicKeyResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<PublicKeyResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<PublicKeyResult> for PublicKeyResult {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PublicKeyResult> {
        PublicKeyResult::create(
            builder,
        
            
            self.pubkey,
            
        
        )
    }
}

/// Builder for serializing an instance of the [PublicKeyResult] type.
///
/// Can be created using the [PublicKeyResult::builder] method.
#[derive(Debug)]
#[must_use]
pub struct PublicKeyResultBuilder<State>(State);

impl<
    
> PublicKeyResultBuilder
<
    (
    
    )
>
{
    /// Setter for the [`pubkey` field](PublicKeyResult#structfield.pubkey).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn pubkey<T0>(self, value: T0) -> PublicKeyResultBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<self::Bytes32>
    {
        PublicKeyResultBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> PublicKeyResultBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [PublicKeyResult].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<PublicKeyResult>
        where Self: ::planus::WriteAsOffset<PublicKeyResult>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
> ::planus::WriteAs<::planus::Offset<PublicKeyResult>> for PublicKeyResultBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<PublicKeyResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PublicKeyResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
> ::planus::WriteAsOptional<::planus::Offset<PublicKeyResult>> for PublicKeyResultBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<PublicKeyResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<PublicKeyResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<self::Bytes32>,
    
> ::planus::WriteAsOffset<PublicKeyResult> for PublicKeyResultBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<PublicKeyResult> {
        
        let (
            
                v0,
            
        ) = &self.0;PublicKeyResult::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [PublicKeyResult].
#[derive(Copy, Clone)]
pub struct PublicKeyResultRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> PublicKeyResultRef<'a> {
    
        /// Getter for the [`pubkey` field](PublicKeyResult#structfield.pubkey).
        #[inline]
        pub fn pubkey(&self) -> ::planus::Result<self::Bytes32Ref<'a>> {
            
            
              
              self.0.access_required(0, "PublicKeyResult", "pubkey")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for PublicKeyResultRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("PublicKeyResultRef");
        f.field("pubkey", &self.pubkey());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<PublicKeyResultRef<'a>> for PublicKeyResult {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: PublicKeyResultRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            pubkey: ::core::convert::Into::into(value.pubkey()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for PublicKeyResultRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for PublicKeyResultRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[PublicKeyResultRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<PublicKeyResult>> for PublicKeyResult {
    type Value = ::planus::Offset<PublicKeyResult>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<PublicKeyResult>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for PublicKeyResultRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[PublicKeyResultRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Answer to `Encrypt` (the payload) and `Decrypt` (the plaintext).
/// 
/// Generated from these locations:
/// * Table `TextResult` in the file `schemas/crypto.fbs:138`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct TextResult{
    
        /// The field `text` in the table `TextResult`
        pub text: ::planus::alloc::string::String,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for TextResult {
    fn default() -> Self {
        Self {
        text: ::core::default::Default::default(),
        
        }
    }
}


impl TextResult {
    /// Creates a [TextResultBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> TextResultBuilder<()> {
        TextResultBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_text: impl ::planus::WriteAs<::planus::Offset<str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_text = field_text.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_text);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<TextResult>> for TextResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<TextResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<TextResult>> for TextResult {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<TextResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<TextResult> for TextResult {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<TextResult> {
        TextResult::create(
            builder,
        
            
            &self.text,
            
        
        )
    }
}

/// Builder for serializing an instance of the [TextResult] type.
///
/// Can be created using the [TextResult::builder] method.
#[derive(Debug)]
#[must_use]
pub struct TextResultBuilder<State>(State);

impl<
    
> TextResultBuilder
<
    (
    
    )
>
{
    /// Setter for the [`text` field](TextResult#structfield.text).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn text<T0>(self, value: T0) -> TextResultBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        TextResultBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> TextResultBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [TextResult].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<TextResult>
        where Self: ::planus::WriteAsOffset<TextResult>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAs<::planus::Offset<TextResult>> for TextResultBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<TextResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<TextResult> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<TextResult>> for TextResultBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<TextResult>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<TextResult>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOffset<TextResult> for TextResultBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<TextResult> {
        
        let (
            
                v0,
            
        ) = &self.0;TextResult::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [TextResult].
#[derive(Copy, Clone)]
pub struct TextResultRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> TextResultRef<'a> {
    
        /// Getter for the [`text` field](TextResult#structfield.text).
        #[inline]
        pub fn text(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "TextResult", "text")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for TextResultRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("TextResultRef");
        f.field("text", &self.text());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<TextResultRef<'a>> for TextResult {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: TextResultRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            text: ::core::convert::Into::into(value.text()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for TextResultRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for TextResultRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[TextResultRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<TextResult>> for TextResult {
    type Value = ::planus::Offset<TextResult>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<TextResult>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for TextResultRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[TextResultRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Result of checking one Cashu proof.
/// 
/// Generated from these locations:
/// * Enum `ProofStatus` in the file `schemas/crypto.fbs:143`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u8)]pub enum ProofStatus {
    
        ///  The DLEQ proof shows the mint signed this proof.
        Valid = 0,
    
        ///  The DLEQ proof does not verify.
        Invalid = 1,
    
        ///  No DLEQ proof: nothing can be said offline.
        Unverifiable = 2,
    
        ///  The mint has no such keyset or no key for this amount.
        UnknownKey = 3,
    
        ///  The mint's keys could not be fetched (see the backoff of the key cache).
        MintUnavailable = 4,
    
}

impl ProofStatus {
    /// Array containing all valid variants of ProofStatus
    pub const ENUM_VALUES: [Self; 5] = [Self::Valid,Self::Invalid,Self::Unverifiable,Self::UnknownKey,Self::MintUnavailable,];
}

impl ::core::convert::TryFrom<u8> for ProofStatus {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u8) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(ProofStatus::Valid),
            1 => ::core::result::Result::Ok(ProofStatus::Invalid),
            2 => ::core::result::Result::Ok(ProofStatus::Unverifiable),
            3 => ::core::result::Result::Ok(ProofStatus::UnknownKey),
            4 => ::core::result::Result::Ok(ProofStatus::MintUnavailable),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<ProofStatus> for u8 {
    #[inline]
    fn from(value: ProofStatus) -> Self {
        value as u8
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for ProofStatus {
    const ALIGNMENT: usize = 1;
    const SIZE: usize = 1;
}

impl ::planus::WriteAsPrimitive<ProofStatus> for ProofStatus {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u8).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<ProofStatus> for ProofStatus {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ProofStatus {
        *self
    }
}

impl ::planus::WriteAsDefault<ProofStatus, ProofStatus> for ProofStatus {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &ProofStatus) -> ::core::option::Option<ProofStatus> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<ProofStatus> for ProofStatus {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<ProofStatus> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for ProofStatus {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u8 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for ProofStatus {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 1;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { *buffer.buffer.get_unchecked(offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "ProofStatus",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<ProofStatus> for ProofStatus {
    const STRIDE: usize = 1;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 1];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - i as u32,
                
            );
        }
    }
}

    
///  Answer to `VerifyProofs`: one status per proof, in request order.
/// 
/// Generated from these locations:
/// * Table `ProofResults` in the file `schemas/crypto.fbs:157`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct ProofResults{
    
        /// The field `results` in the table `ProofResults`
        pub results: ::core::option::Option<::planus::alloc::vec::Vec<self::ProofStatus>>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for ProofResults {
    fn default() -> Self {
        Self {
        results: ::core::default::Default::default(),
        
        }
    }
}


impl ProofResults {
    /// Creates a [ProofResultsBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> ProofResultsBuilder<()> {
        ProofResultsBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_results: impl ::planus::WriteAsOptional<::planus::Offset<[self::ProofStatus]>>,
        
    ) -> ::planus::Offset<Self> {let prepared_results = field_results.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        if prepared_results.is_some() {table_writer.write_entry::<::planus::Offset<[self::ProofStatus]>>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_results) = prepared_results {object_writer.write::<_, _, 4>(&prepared_results);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<ProofResults>> for ProofResults {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ProofResults> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<ProofResults>> for ProofResults {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ProofResults>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<ProofResults> for ProofResults {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ProofResults> {
        ProofResults::create(
            builder,
        
            
            &self.results,
            
        
        )
    }
}

/// Builder for serializing an instance of the [ProofResults] type.
///
/// Can be created using the [ProofResults::builder] method.
#[derive(Debug)]
#[must_use]
pub struct ProofResultsBuilder<State>(State);

impl<
    
> ProofResultsBuilder
<
    (
    
    )
>
{
    /// Setter for the [`results` field](ProofResults#structfield.results).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn results<T0>(self, value: T0) -> ProofResultsBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsOptional<::planus::Offset<[self::ProofStatus]>>
    {
        ProofResultsBuilder((
            
            value,
        ))
    }

    

    
    /// Sets the [`results` field](ProofResults#structfield.results) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn results_as_null(self) -> ProofResultsBuilder<(
        
        (),
    )>
    {
        self.results(())
    }
    
}



impl<
    
        T0,
    
> ProofResultsBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [ProofResults].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<ProofResults>
        where Self: ::planus::WriteAsOffset<ProofResults>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[self::ProofStatus]>>,
    
> ::planus::WriteAs<::planus::Offset<ProofResults>> for ProofResultsBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<ProofResults>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ProofResults> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[self::ProofStatus]>>,
    
> ::planus::WriteAsOptional<::planus::Offset<ProofResults>> for ProofResultsBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<ProofResults>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<ProofResults>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsOptional<::planus::Offset<[self::ProofStatus]>>,
    
> ::planus::WriteAsOffset<ProofResults> for ProofResultsBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<ProofResults> {
        
        let (
            
                v0,
            
        ) = &self.0;ProofResults::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [ProofResults].
#[derive(Copy, Clone)]
pub struct ProofResultsRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> ProofResultsRef<'a> {
    
        /// Getter for the [`results` field](ProofResults#structfield.results).
        #[inline]
        pub fn results(&self) -> ::planus::Result<::core::option::Option<::planus::Vector<'a, ::core::result::Result<self::ProofStatus, ::planus::errors::UnknownEnumTag>>>> {
            
            
              
              self.0.access(0, "ProofResults", "results")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for ProofResultsRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("ProofResultsRef");
        if let ::core::option::Option::Some(field_results) = self.results().transpose() {
                f.field("results", &field_results);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<ProofResultsRef<'a>> for ProofResults {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: ProofResultsRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            results: 
                            if let ::core::option::Option::Some(results) = value.results()? {
                                ::core::option::Option::Some(results.to_vec_result()?)
                            } else {
                                ::core::option::Option::None
                            }
                        ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for ProofResultsRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for ProofResultsRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[ProofResultsRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<ProofResults>> for ProofResults {
    type Value = ::planus::Offset<ProofResults>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<ProofResults>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for ProofResultsRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[ProofResultsRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  A NIP-46 remote signer asks the user to open `url` to approve the request (non-final).
/// 
/// Generated from these locations:
/// * Table `SignerAuthUrl` in the file `schemas/crypto.fbs:162`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct SignerAuthUrl{
    
        /// The field `url` in the table `SignerAuthUrl`
        pub url: ::planus::alloc::string::String,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for SignerAuthUrl {
    fn default() -> Self {
        Self {
        url: ::core::default::Default::default(),
        
        }
    }
}


impl SignerAuthUrl {
    /// Creates a [SignerAuthUrlBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> SignerAuthUrlBuilder<()> {
        SignerAuthUrlBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_url: impl ::planus::WriteAs<::planus::Offset<str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_url = field_url.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<6> = ::core::default::Default::default();
        table_writer.write_entry::<::planus::Offset<str>>(0);

        unsafe {
            table_writer.finish(builder, |object_writer| {object_writer.write::<_, _, 4>(&prepared_url);
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<SignerAuthUrl>> for SignerAuthUrl {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignerAuthUrl> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<SignerAuthUrl>> for SignerAuthUrl {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SignerAuthUrl>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<SignerAuthUrl> for SignerAuthUrl {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignerAuthUrl> {
        SignerAuthUrl::create(
            builder,
        
            
            &self.url,
            
        
        )
    }
}

/// Builder for serializing an instance of the [SignerAuthUrl] type.
///
/// Can be created using the [SignerAuthUrl::builder] method.
#[derive(Debug)]
#[must_use]
pub struct SignerAuthUrlBuilder<State>(State);

impl<
    
> SignerAuthUrlBuilder
<
    (
    
    )
>
{
    /// Setter for the [`url` field](SignerAuthUrl#structfield.url).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn url<T0>(self, value: T0) -> SignerAuthUrlBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        SignerAuthUrlBuilder((
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
> SignerAuthUrlBuilder<(
    
        T0,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [SignerAuthUrl].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignerAuthUrl>
        where Self: ::planus::WriteAsOffset<SignerAuthUrl>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAs<::planus::Offset<SignerAuthUrl>> for SignerAuthUrlBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<SignerAuthUrl>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignerAuthUrl> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<SignerAuthUrl>> for SignerAuthUrlBuilder<(
    
        T0,
    
)> {
    type Prepared = ::planus::Offset<SignerAuthUrl>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<SignerAuthUrl>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
> ::planus::WriteAsOffset<SignerAuthUrl> for SignerAuthUrlBuilder<(
    
        T0,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<SignerAuthUrl> {
        
        let (
            
                v0,
            
        ) = &self.0;SignerAuthUrl::create(
            builder,
            
                v0,
            
        )
    }
}

/// Reference to a deserialized [SignerAuthUrl].
#[derive(Copy, Clone)]
pub struct SignerAuthUrlRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> SignerAuthUrlRef<'a> {
    
        /// Getter for the [`url` field](SignerAuthUrl#structfield.url).
        #[inline]
        pub fn url(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "SignerAuthUrl", "url")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for SignerAuthUrlRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("SignerAuthUrlRef");
        f.field("url", &self.url());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<SignerAuthUrlRef<'a>> for SignerAuthUrl {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: SignerAuthUrlRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            url: ::core::convert::Into::into(value.url()?),
        })
    }
}

impl<'a> ::planus::TableRead<'a> for SignerAuthUrlRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for SignerAuthUrlRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[SignerAuthUrlRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<SignerAuthUrl>> for SignerAuthUrl {
    type Value = ::planus::Offset<SignerAuthUrl>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<SignerAuthUrl>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for SignerAuthUrlRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[SignerAuthUrlRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Why a crypto request failed.
/// 
/// Generated from these locations:
/// * Enum `CryptoErrorCode` in the file `schemas/crypto.fbs:167`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u16)]pub enum CryptoErrorCode {
    
        ///  A bug or an unexpected state in the worker.
        Internal = 0,
    
        ///  No signer is set.
        NoSigner = 1,
    
        ///  The signer refused (user rejected, remote signer error).
        SignerRejected = 2,
    
        ///  The signer did not answer in time.
        Timeout = 3,
    
        ///  The request was malformed (bad key, bad payload format, oversized input).
        InvalidInput = 4,
    
        ///  A ciphertext failed its MAC, padding or format checks.
        DecryptionFailed = 5,
    
        ///  The signer cannot do this (e.g. NIP-07 without nip44 support).
        Unsupported = 6,
    
        ///  The signer was replaced or logged out while the request was in flight.
        SignerChanged = 7,
    
        ///  The worker is shutting down.
        Shutdown = 8,
    
}

impl CryptoErrorCode {
    /// Array containing all valid variants of CryptoErrorCode
    pub const ENUM_VALUES: [Self; 9] = [Self::Internal,Self::NoSigner,Self::SignerRejected,Self::Timeout,Self::InvalidInput,Self::DecryptionFailed,Self::Unsupported,Self::SignerChanged,Self::Shutdown,];
}

impl ::core::convert::TryFrom<u16> for CryptoErrorCode {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u16) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(CryptoErrorCode::Internal),
            1 => ::core::result::Result::Ok(CryptoErrorCode::NoSigner),
            2 => ::core::result::Result::Ok(CryptoErrorCode::SignerRejected),
            3 => ::core::result::Result::Ok(CryptoErrorCode::Timeout),
            4 => ::core::result::Result::Ok(CryptoErrorCode::InvalidInput),
            5 => ::core::result::Result::Ok(CryptoErrorCode::DecryptionFailed),
            6 => ::core::result::Result::Ok(CryptoErrorCode::Unsupported),
            7 => ::core::result::Result::Ok(CryptoErrorCode::SignerChanged),
            8 => ::core::result::Result::Ok(CryptoErrorCode::Shutdown),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<CryptoErrorCode> for u16 {
    #[inline]
    fn from(value: CryptoErrorCode) -> Self {
        value as u16
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for CryptoErrorCode {
    const ALIGNMENT: usize = 2;
    const SIZE: usize = 2;
}

impl ::planus::WriteAsPrimitive<CryptoErrorCode> for CryptoErrorCode {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u16).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<CryptoErrorCode> for CryptoErrorCode {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> CryptoErrorCode {
        *self
    }
}

impl ::planus::WriteAsDefault<CryptoErrorCode, CryptoErrorCode> for CryptoErrorCode {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &CryptoErrorCode) -> ::core::option::Option<CryptoErrorCode> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<CryptoErrorCode> for CryptoErrorCode {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<CryptoErrorCode> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for CryptoErrorCode {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u16 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for CryptoErrorCode {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 2;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { <u16 as ::planus::VectorRead>::from_buffer(buffer, offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "CryptoErrorCode",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<CryptoErrorCode> for CryptoErrorCode {
    const STRIDE: usize = 2;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 2];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - (2 * i) as u32,
                
            );
        }
    }
}

    
///  A failed crypto request. `message` never contains secrets.
/// 
/// Generated from these locations:
/// * Table `CryptoError` in the file `schemas/crypto.fbs:189`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct CryptoError{
    
        /// The field `code` in the table `CryptoError`
        pub code: self::CryptoErrorCode,
        /// The field `message` in the table `CryptoError`
        pub message: ::core::option::Option<::planus::alloc::string::String>,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for CryptoError {
    fn default() -> Self {
        Self {
        code: self::CryptoErrorCode::Internal,
        message: ::core::default::Default::default(),
        
        }
    }
}


impl CryptoError {
    /// Creates a [CryptoErrorBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CryptoErrorBuilder<()> {
        CryptoErrorBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_code: impl ::planus::WriteAsDefault<self::CryptoErrorCode, self::CryptoErrorCode>,
        field_message: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        
    ) -> ::planus::Offset<Self> {let prepared_code = field_code.prepare(builder, &self::CryptoErrorCode::Internal);let prepared_message = field_message.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<8> = ::core::default::Default::default();
        if prepared_message.is_some() {table_writer.write_entry::<::planus::Offset<str>>(1);}if prepared_code.is_some() {table_writer.write_entry::<self::CryptoErrorCode>(0);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_message) = prepared_message {object_writer.write::<_, _, 4>(&prepared_message);}if let ::core::option::Option::Some(prepared_code) = prepared_code {object_writer.write::<_, _, 2>(&prepared_code);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<CryptoError>> for CryptoError {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CryptoError> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<CryptoError>> for CryptoError {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CryptoError>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<CryptoError> for CryptoError {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CryptoError> {
        CryptoError::create(
            builder,
        
            
            self.code,
            
        
            
            &self.message,
            
        
        )
    }
}

/// Builder for serializing an instance of the [CryptoError] type.
///
/// Can be created using the [CryptoError::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CryptoErrorBuilder<State>(State);

impl<
    
> CryptoErrorBuilder
<
    (
    
    )
>
{
    /// Setter for the [`code` field](CryptoError#structfield.code).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn code<T0>(self, value: T0) -> CryptoErrorBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<self::CryptoErrorCode, self::CryptoErrorCode>
    {
        CryptoErrorBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`code` field](CryptoError#structfield.code) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn code_as_default(self) -> CryptoErrorBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.code(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> CryptoErrorBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`message` field](CryptoError#structfield.message).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn message<T1>(self, value: T1) -> CryptoErrorBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
        ) = self.0;CryptoErrorBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
    /// Sets the [`message` field](CryptoError#structfield.message) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn message_as_null(self) -> CryptoErrorBuilder<(
        
            T0,
        
        (),
    )>
    {
        self.message(())
    }
    
}



impl<
    
        T0,
    
        T1,
    
> CryptoErrorBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [CryptoError].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<CryptoError>
        where Self: ::planus::WriteAsOffset<CryptoError>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::CryptoErrorCode, self::CryptoErrorCode>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAs<::planus::Offset<CryptoError>> for CryptoErrorBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<CryptoError>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CryptoError> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::CryptoErrorCode, self::CryptoErrorCode>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOptional<::planus::Offset<CryptoError>> for CryptoErrorBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<CryptoError>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CryptoError>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<self::CryptoErrorCode, self::CryptoErrorCode>,
    
        T1: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
> ::planus::WriteAsOffset<CryptoError> for CryptoErrorBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CryptoError> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;CryptoError::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [CryptoError].
#[derive(Copy, Clone)]
pub struct CryptoErrorRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> CryptoErrorRef<'a> {
    
        /// Getter for the [`code` field](CryptoError#structfield.code).
        #[inline]
        pub fn code(&self) -> ::planus::Result<self::CryptoErrorCode> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "CryptoError", "code")
              
            
            ?.unwrap_or(self::CryptoErrorCode::Internal))
            
        }
    
        /// Getter for the [`message` field](CryptoError#structfield.message).
        #[inline]
        pub fn message(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(1, "CryptoError", "message")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for CryptoErrorRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("CryptoErrorRef");
        f.field("code", &self.code());if let ::core::option::Option::Some(field_message) = self.message().transpose() {
                f.field("message", &field_message);
            }
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<CryptoErrorRef<'a>> for CryptoError {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: CryptoErrorRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            code: ::core::convert::TryInto::try_into(value.code()?)?,message: 
                                value.message()?.map(::core::convert::Into::into)
                            ,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for CryptoErrorRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for CryptoErrorRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[CryptoErrorRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<CryptoError>> for CryptoError {
    type Value = ::planus::Offset<CryptoError>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<CryptoError>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for CryptoErrorRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[CryptoErrorRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Every answer of the crypto worker.
/// 
/// Generated from these locations:
/// * Union `CryptoResponseBody` in the file `schemas/crypto.fbs:195`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize)]
pub enum CryptoResponseBody{
    
        /// The variant of type `VerifyResult` in the union `CryptoResponseBody`
        VerifyResult(::planus::alloc::boxed::Box<self::VerifyResult>),
    
        /// The variant of type `SignedEvent` in the union `CryptoResponseBody`
        SignedEvent(::planus::alloc::boxed::Box<self::SignedEvent>),
    
        /// The variant of type `PublicKeyResult` in the union `CryptoResponseBody`
        PublicKeyResult(::planus::alloc::boxed::Box<self::PublicKeyResult>),
    
        /// The variant of type `TextResult` in the union `CryptoResponseBody`
        TextResult(::planus::alloc::boxed::Box<self::TextResult>),
    
        /// The variant of type `ProofResults` in the union `CryptoResponseBody`
        ProofResults(::planus::alloc::boxed::Box<self::ProofResults>),
    
        /// The variant of type `SignerAuthUrl` in the union `CryptoResponseBody`
        SignerAuthUrl(::planus::alloc::boxed::Box<self::SignerAuthUrl>),
    
        /// The variant of type `CryptoError` in the union `CryptoResponseBody`
        CryptoError(::planus::alloc::boxed::Box<self::CryptoError>),
    
}


impl CryptoResponseBody {
    /// Creates a [CryptoResponseBodyBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CryptoResponseBodyBuilder<::planus::Uninitialized> {
        CryptoResponseBodyBuilder(::planus::Uninitialized)
    }

    #[inline]
    pub fn create_verify_result(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::VerifyResult>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(1, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_signed_event(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::SignedEvent>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(2, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_public_key_result(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::PublicKeyResult>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(3, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_text_result(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::TextResult>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(4, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_proof_results(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::ProofResults>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(5, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_signer_auth_url(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::SignerAuthUrl>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(6, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_crypto_error(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::CryptoError>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(7, value.prepare(builder).downcast())
    }

    
}



impl ::planus::WriteAsUnion<CryptoResponseBody> for CryptoResponseBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Self> {
        match self {
            Self::VerifyResult(value) => Self::create_verify_result(builder, value),
            Self::SignedEvent(value) => Self::create_signed_event(builder, value),
            Self::PublicKeyResult(value) => Self::create_public_key_result(builder, value),
            Self::TextResult(value) => Self::create_text_result(builder, value),
            Self::ProofResults(value) => Self::create_proof_results(builder, value),
            Self::SignerAuthUrl(value) => Self::create_signer_auth_url(builder, value),
            Self::CryptoError(value) => Self::create_crypto_error(builder, value),
            
        }
    }
}


impl ::planus::WriteAsOptionalUnion<CryptoResponseBody> for CryptoResponseBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Self>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}

/// Builder for serializing an instance of the [CryptoResponseBody] type.
///
/// Can be created using the [CryptoResponseBody::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CryptoResponseBodyBuilder<T>(T);

impl CryptoResponseBodyBuilder<::planus::Uninitialized> {
    /// Creates an instance of the [`VerifyResult` variant](CryptoResponseBody#variant.VerifyResult).
    #[inline]
    pub fn verify_result<T>(
        self,
        value: T,
    ) -> CryptoResponseBodyBuilder<::planus::Initialized<1, T>>
        where T: ::planus::WriteAsOffset<self::VerifyResult> {
        CryptoResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`SignedEvent` variant](CryptoResponseBody#variant.SignedEvent).
    #[inline]
    pub fn signed_event<T>(
        self,
        value: T,
    ) -> CryptoResponseBodyBuilder<::planus::Initialized<2, T>>
        where T: ::planus::WriteAsOffset<self::SignedEvent> {
        CryptoResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`PublicKeyResult` variant](CryptoResponseBody#variant.PublicKeyResult).
    #[inline]
    pub fn public_key_result<T>(
        self,
        value: T,
    ) -> CryptoResponseBodyBuilder<::planus::Initialized<3, T>>
        where T: ::planus::WriteAsOffset<self::PublicKeyResult> {
        CryptoResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`TextResult` variant](CryptoResponseBody#variant.TextResult).
    #[inline]
    pub fn text_result<T>(
        self,
        value: T,
    ) -> CryptoResponseBodyBuilder<::planus::Initialized<4, T>>
        where T: ::planus::WriteAsOffset<self::TextResult> {
        CryptoResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`ProofResults` variant](CryptoResponseBody#variant.ProofResults).
    #[inline]
    pub fn proof_results<T>(
        self,
        value: T,
    ) -> CryptoResponseBodyBuilder<::planus::Initialized<5, T>>
        where T: ::planus::WriteAsOffset<self::ProofResults> {
        CryptoResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`SignerAuthUrl` variant](CryptoResponseBody#variant.SignerAuthUrl).
    #[inline]
    pub fn signer_auth_url<T>(
        self,
        value: T,
    ) -> CryptoResponseBodyBuilder<::planus::Initialized<6, T>>
        where T: ::planus::WriteAsOffset<self::SignerAuthUrl> {
        CryptoResponseBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`CryptoError` variant](CryptoResponseBody#variant.CryptoError).
    #[inline]
    pub fn crypto_error<T>(
        self,
        value: T,
    ) -> CryptoResponseBodyBuilder<::planus::Initialized<7, T>>
        where T: ::planus::WriteAsOffset<self::CryptoError> {
        CryptoResponseBodyBuilder(::planus::Initialized(value))
    }

    
}

impl<const N: u8, T> CryptoResponseBodyBuilder<::planus::Initialized<N, T>> {
    /// Finish writing the builder to get an [UnionOffset](::planus::UnionOffset) to a serialized [CryptoResponseBody].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoResponseBody>
        where Self: ::planus::WriteAsUnion<CryptoResponseBody>
    {
        ::planus::WriteAsUnion::prepare(&self, builder)
    }
}

impl<T> ::planus::WriteAsUnion<CryptoResponseBody> for CryptoResponseBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::VerifyResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoResponseBody> {
        ::planus::UnionOffset::new(1, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CryptoResponseBody> for CryptoResponseBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::VerifyResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CryptoResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CryptoResponseBody> for CryptoResponseBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::SignedEvent>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoResponseBody> {
        ::planus::UnionOffset::new(2, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CryptoResponseBody> for CryptoResponseBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::SignedEvent>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CryptoResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CryptoResponseBody> for CryptoResponseBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::PublicKeyResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoResponseBody> {
        ::planus::UnionOffset::new(3, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CryptoResponseBody> for CryptoResponseBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::PublicKeyResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CryptoResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CryptoResponseBody> for CryptoResponseBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::TextResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoResponseBody> {
        ::planus::UnionOffset::new(4, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CryptoResponseBody> for CryptoResponseBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::TextResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CryptoResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CryptoResponseBody> for CryptoResponseBodyBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::ProofResults>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoResponseBody> {
        ::planus::UnionOffset::new(5, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CryptoResponseBody> for CryptoResponseBodyBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::ProofResults>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CryptoResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CryptoResponseBody> for CryptoResponseBodyBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::SignerAuthUrl>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoResponseBody> {
        ::planus::UnionOffset::new(6, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CryptoResponseBody> for CryptoResponseBodyBuilder<::planus::Initialized<6, T>>
    where T: ::planus::WriteAsOffset<self::SignerAuthUrl>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CryptoResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<CryptoResponseBody> for CryptoResponseBodyBuilder<::planus::Initialized<7, T>>
    where T: ::planus::WriteAsOffset<self::CryptoError>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<CryptoResponseBody> {
        ::planus::UnionOffset::new(7, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<CryptoResponseBody> for CryptoResponseBodyBuilder<::planus::Initialized<7, T>>
    where T: ::planus::WriteAsOffset<self::CryptoError>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<CryptoResponseBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}


/// Reference to a deserialized [CryptoResponseBody].
#[derive(Copy, Clone, Debug)]
pub enum CryptoResponseBodyRef<'a>{
    VerifyResult(self::VerifyResultRef<'a>),
    SignedEvent(self::SignedEventRef<'a>),
    PublicKeyResult(self::PublicKeyResultRef<'a>),
    TextResult(self::TextResultRef<'a>),
    ProofResults(self::ProofResultsRef<'a>),
    SignerAuthUrl(self::SignerAuthUrlRef<'a>),
    CryptoError(self::CryptoErrorRef<'a>),
    
}


impl<'a> ::core::convert::TryFrom<CryptoResponseBodyRef<'a>> for CryptoResponseBody {
    type Error = ::planus::Error;

    fn try_from(value: CryptoResponseBodyRef<'a>) -> ::planus::Result<Self> {
        ::core::result::Result::Ok(match value {
            
                CryptoResponseBodyRef::VerifyResult(value) => Self::VerifyResult(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CryptoResponseBodyRef::SignedEvent(value) => Self::SignedEvent(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CryptoResponseBodyRef::PublicKeyResult(value) => Self::PublicKeyResult(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CryptoResponseBodyRef::TextResult(value) => Self::TextResult(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CryptoResponseBodyRef::ProofResults(value) => Self::ProofResults(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CryptoResponseBodyRef::SignerAuthUrl(value) => Self::SignerAuthUrl(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                CryptoResponseBodyRef::CryptoError(value) => Self::CryptoError(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
        })
    }
}



impl<'a> ::planus::TableReadUnion<'a> for CryptoResponseBodyRef<'a> {
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, tag: u8, field_offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        match tag {
            1 => ::core::result::Result::Ok(Self::VerifyResult(::planus::TableRead::from_buffer(buffer, field_offset)?)),2 => ::core::result::Result::Ok(Self::SignedEvent(::planus::TableRead::from_buffer(buffer, field_offset)?)),3 => ::core::result::Result::Ok(Self::PublicKeyResult(::planus::TableRead::from_buffer(buffer, field_offset)?)),4 => ::core::result::Result::Ok(Self::TextResult(::planus::TableRead::from_buffer(buffer, field_offset)?)),5 => ::core::result::Result::Ok(Self::ProofResults(::planus::TableRead::from_buffer(buffer, field_offset)?)),6 => ::core::result::Result::Ok(Self::SignerAuthUrl(::planus::TableRead::from_buffer(buffer, field_offset)?)),7 => ::core::result::Result::Ok(Self::CryptoError(::planus::TableRead::from_buffer(buffer, field_offset)?)),_ => ::core::result::Result::Err(::planus::errors::ErrorKind::UnknownUnionTag { tag }),
        }
    }
}



impl<'a> ::planus::VectorReadUnion<'a> for CryptoResponseBodyRef<'a> {
    const VECTOR_NAME: &'static str = "[CryptoResponseBodyRef]";
}


    
///  Root message: an answer from the crypto worker.
/// 
/// Generated from these locations:
/// * Table `CryptoResponse` in the file `schemas/crypto.fbs:206`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct CryptoResponse{
    
        /// The field `request_id` in the table `CryptoResponse`
        pub request_id: u64,
        /// The field `body` in the table `CryptoResponse`
        pub body: self::CryptoResponseBody,}



impl CryptoResponse {
    /// Creates a [CryptoResponseBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> CryptoResponseBuilder<()> {
        CryptoResponseBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_request_id: impl ::planus::WriteAsDefault<u64, u64>,
        field_body: impl ::planus::WriteAsUnion<self::CryptoResponseBody>,
        
    ) -> ::planus::Offset<Self> {let prepared_request_id = field_request_id.prepare(builder, &0);let prepared_body = field_body.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        if prepared_request_id.is_some() {table_writer.write_entry::<u64>(0);}table_writer.write_entry::<::planus::Offset<self::CryptoResponseBody>>(2);table_writer.write_entry::<u8>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_request_id) = prepared_request_id {object_writer.write::<_, _, 8>(&prepared_request_id);}object_writer.write::<_, _, 4>(&prepared_body.offset());object_writer.write::<_, _, 1>(&prepared_body.tag());
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<CryptoResponse>> for CryptoResponse {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CryptoResponse> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<CryptoResponse>> for CryptoResponse {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CryptoResponse>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<CryptoResponse> for CryptoResponse {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CryptoResponse> {
        CryptoResponse::create(
            builder,
        
            
            self.request_id,
            
        
            
            &self.body,
            
        
        )
    }
}

/// Builder for serializing an instance of the [CryptoResponse] type.
///
/// Can be created using the [CryptoResponse::builder] method.
#[derive(Debug)]
#[must_use]
pub struct CryptoResponseBuilder<State>(State);

impl<
    
> CryptoResponseBuilder
<
    (
    
    )
>
{
    /// Setter for the [`request_id` field](CryptoResponse#structfield.request_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id<T0>(self, value: T0) -> CryptoResponseBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        CryptoResponseBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`request_id` field](CryptoResponse#structfield.request_id) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id_as_default(self) -> CryptoResponseBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.request_id(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> CryptoResponseBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`body` field](CryptoResponse#structfield.body).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn body<T1>(self, value: T1) -> CryptoResponseBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsUnion<self::CryptoResponseBody>
    {
        
        let (
            
                v0,
            
        ) = self.0;CryptoResponseBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> CryptoResponseBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [CryptoResponse].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<CryptoResponse>
        where Self: ::planus::WriteAsOffset<CryptoResponse>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::CryptoResponseBody>,
    
> ::planus::WriteAs<::planus::Offset<CryptoResponse>> for CryptoResponseBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<CryptoResponse>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CryptoResponse> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::CryptoResponseBody>,
    
> ::planus::WriteAsOptional<::planus::Offset<CryptoResponse>> for CryptoResponseBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<CryptoResponse>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<CryptoResponse>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::CryptoResponseBody>,
    
> ::planus::WriteAsOffset<CryptoResponse> for CryptoResponseBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<CryptoResponse> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;CryptoResponse::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [CryptoResponse].
#[derive(Copy, Clone)]
pub struct CryptoResponseRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> CryptoResponseRef<'a> {
    
        /// Getter for the [`request_id` field](CryptoResponse#structfield.request_id).
        #[inline]
        pub fn request_id(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "CryptoResponse", "request_id")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`body` field](CryptoResponse#structfield.body).
        #[inline]
        pub fn body(&self) -> ::planus::Result<self::CryptoResponseBodyRef<'a>> {
            
            
              
              self.0.access_union_required(1, "CryptoResponse", "body")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for CryptoResponseRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("CryptoResponseRef");
        f.field("request_id", &self.request_id());f.field("body", &self.body());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<CryptoResponseRef<'a>> for CryptoResponse {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: CryptoResponseRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            request_id: ::core::convert::TryInto::try_into(value.request_id()?)?,body: ::core::convert::TryInto::try_into(value.body()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for CryptoResponseRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for CryptoResponseRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[CryptoResponseRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<CryptoResponse>> for CryptoResponse {
    type Value = ::planus::Offset<CryptoResponse>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<CryptoResponse>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for CryptoResponseRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[CryptoResponseRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  What the crypto worker asks of the connections worker.
/// 
/// Generated from these locations:
/// * Union `Nip46RequestBody` in the file `schemas/nip46.fbs:13`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize)]
pub enum Nip46RequestBody{
    
        ///  Publish a kind-24133 request (or the nostrconnect reply) to the signer's relays.
        Publish(::planus::alloc::boxed::Box<self::Publish>),
    
        ///  Listen for kind-24133 events addressed to the client key (`#p`).
        Subscribe(::planus::alloc::boxed::Box<self::Subscribe>),
    
        ///  Stop listening.
        Close(::planus::alloc::boxed::Box<self::Close>),
    
}


impl Nip46RequestBody {
    /// Creates a [Nip46RequestBodyBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> Nip46RequestBodyBuilder<::planus::Uninitialized> {
        Nip46RequestBodyBuilder(::planus::Uninitialized)
    }

    #[inline]
    pub fn create_publish(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Publish>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(1, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_subscribe(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Subscribe>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(2, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_close(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Close>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(3, value.prepare(builder).downcast())
    }

    
}



impl ::planus::WriteAsUnion<Nip46RequestBody> for Nip46RequestBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Self> {
        match self {
            Self::Publish(value) => Self::create_publish(builder, value),
            Self::Subscribe(value) => Self::create_subscribe(builder, value),
            Self::Close(value) => Self::create_close(builder, value),
            
        }
    }
}


impl ::planus::WriteAsOptionalUnion<Nip46RequestBody> for Nip46RequestBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Self>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}

/// Builder for serializing an instance of the [Nip46RequestBody] type.
///
/// Can be created using the [Nip46RequestBody::builder] method.
#[derive(Debug)]
#[must_use]
pub struct Nip46RequestBodyBuilder<T>(T);

impl Nip46RequestBodyBuilder<::planus::Uninitialized> {
    /// Creates an instance of the [`Publish` variant](Nip46RequestBody#variant.Publish).
    #[inline]
    pub fn publish<T>(
        self,
        value: T,
    ) -> Nip46RequestBodyBuilder<::planus::Initialized<1, T>>
        where T: ::planus::WriteAsOffset<self::Publish> {
        Nip46RequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Subscribe` variant](Nip46RequestBody#variant.Subscribe).
    #[inline]
    pub fn subscribe<T>(
        self,
        value: T,
    ) -> Nip46RequestBodyBuilder<::planus::Initialized<2, T>>
        where T: ::planus::WriteAsOffset<self::Subscribe> {
        Nip46RequestBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Close` variant](Nip46RequestBody#variant.Close).
    #[inline]
    pub fn close<T>(
        self,
        value: T,
    ) -> Nip46RequestBodyBuilder<::planus::Initialized<3, T>>
        where T: ::planus::WriteAsOffset<self::Close> {
        Nip46RequestBodyBuilder(::planus::Initialized(value))
    }

    
}

impl<const N: u8, T> Nip46RequestBodyBuilder<::planus::Initialized<N, T>> {
    /// Finish writing the builder to get an [UnionOffset](::planus::UnionOffset) to a serialized [Nip46RequestBody].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Nip46RequestBody>
        where Self: ::planus::WriteAsUnion<Nip46RequestBody>
    {
        ::planus::WriteAsUnion::prepare(&self, builder)
    }
}

impl<T> ::planus::WriteAsUnion<Nip46RequestBody> for Nip46RequestBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::Publish>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Nip46RequestBody> {
        ::planus::UnionOffset::new(1, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Nip46RequestBody> for Nip46RequestBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::Publish>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Nip46RequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Nip46RequestBody> for Nip46RequestBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::Subscribe>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Nip46RequestBody> {
        ::planus::UnionOffset::new(2, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Nip46RequestBody> for Nip46RequestBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::Subscribe>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Nip46RequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Nip46RequestBody> for Nip46RequestBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::Close>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Nip46RequestBody> {
        ::planus::UnionOffset::new(3, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Nip46RequestBody> for Nip46RequestBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::Close>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Nip46RequestBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}


/// Reference to a deserialized [Nip46RequestBody].
#[derive(Copy, Clone, Debug)]
pub enum Nip46RequestBodyRef<'a>{
    Publish(self::PublishRef<'a>),
    Subscribe(self::SubscribeRef<'a>),
    Close(self::CloseRef<'a>),
    
}


impl<'a> ::core::convert::TryFrom<Nip46RequestBodyRef<'a>> for Nip46RequestBody {
    type Error = ::planus::Error;

    fn try_from(value: Nip46RequestBodyRef<'a>) -> ::planus::Result<Self> {
        ::core::result::Result::Ok(match value {
            
                Nip46RequestBodyRef::Publish(value) => Self::Publish(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                Nip46RequestBodyRef::Subscribe(value) => Self::Subscribe(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                Nip46RequestBodyRef::Close(value) => Self::Close(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
        })
    }
}



impl<'a> ::planus::TableReadUnion<'a> for Nip46RequestBodyRef<'a> {
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, tag: u8, field_offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        match tag {
            1 => ::core::result::Result::Ok(Self::Publish(::planus::TableRead::from_buffer(buffer, field_offset)?)),2 => ::core::result::Result::Ok(Self::Subscribe(::planus::TableRead::from_buffer(buffer, field_offset)?)),3 => ::core::result::Result::Ok(Self::Close(::planus::TableRead::from_buffer(buffer, field_offset)?)),_ => ::core::result::Result::Err(::planus::errors::ErrorKind::UnknownUnionTag { tag }),
        }
    }
}



impl<'a> ::planus::VectorReadUnion<'a> for Nip46RequestBodyRef<'a> {
    const VECTOR_NAME: &'static str = "[Nip46RequestBodyRef]";
}


    
///  Root message: crypto worker to connections worker.
/// 
/// Generated from these locations:
/// * Table `Nip46Request` in the file `schemas/nip46.fbs:23`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Nip46Request{
    
        /// The field `request_id` in the table `Nip46Request`
        pub request_id: u64,
        /// The field `body` in the table `Nip46Request`
        pub body: self::Nip46RequestBody,}



impl Nip46Request {
    /// Creates a [Nip46RequestBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> Nip46RequestBuilder<()> {
        Nip46RequestBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_request_id: impl ::planus::WriteAsDefault<u64, u64>,
        field_body: impl ::planus::WriteAsUnion<self::Nip46RequestBody>,
        
    ) -> ::planus::Offset<Self> {let prepared_request_id = field_request_id.prepare(builder, &0);let prepared_body = field_body.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        if prepared_request_id.is_some() {table_writer.write_entry::<u64>(0);}table_writer.write_entry::<::planus::Offset<self::Nip46RequestBody>>(2);table_writer.write_entry::<u8>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_request_id) = prepared_request_id {object_writer.write::<_, _, 8>(&prepared_request_id);}object_writer.write::<_, _, 4>(&prepared_body.offset());object_writer.write::<_, _, 1>(&prepared_body.tag());
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Nip46Request>> for Nip46Request {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Nip46Request> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Nip46Request>> for Nip46Request {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Nip46Request>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Nip46Request> for Nip46Request {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Nip46Request> {
        Nip46Request::create(
            builder,
        
            
            self.request_id,
            
        
            
            &self.body,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Nip46Request] type.
///
/// Can be created using the [Nip46Request::builder] method.
#[derive(Debug)]
#[must_use]
pub struct Nip46RequestBuilder<State>(State);

impl<
    
> Nip46RequestBuilder
<
    (
    
    )
>
{
    /// Setter for the [`request_id` field](Nip46Request#structfield.request_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id<T0>(self, value: T0) -> Nip46RequestBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        Nip46RequestBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`request_id` field](Nip46Request#structfield.request_id) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id_as_default(self) -> Nip46RequestBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.request_id(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> Nip46RequestBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`body` field](Nip46Request#structfield.body).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn body<T1>(self, value: T1) -> Nip46RequestBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsUnion<self::Nip46RequestBody>
    {
        
        let (
            
                v0,
            
        ) = self.0;Nip46RequestBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> Nip46RequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Nip46Request].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Nip46Request>
        where Self: ::planus::WriteAsOffset<Nip46Request>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::Nip46RequestBody>,
    
> ::planus::WriteAs<::planus::Offset<Nip46Request>> for Nip46RequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Nip46Request>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Nip46Request> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::Nip46RequestBody>,
    
> ::planus::WriteAsOptional<::planus::Offset<Nip46Request>> for Nip46RequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Nip46Request>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Nip46Request>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::Nip46RequestBody>,
    
> ::planus::WriteAsOffset<Nip46Request> for Nip46RequestBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Nip46Request> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;Nip46Request::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [Nip46Request].
#[derive(Copy, Clone)]
pub struct Nip46RequestRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> Nip46RequestRef<'a> {
    
        /// Getter for the [`request_id` field](Nip46Request#structfield.request_id).
        #[inline]
        pub fn request_id(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "Nip46Request", "request_id")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`body` field](Nip46Request#structfield.body).
        #[inline]
        pub fn body(&self) -> ::planus::Result<self::Nip46RequestBodyRef<'a>> {
            
            
              
              self.0.access_union_required(1, "Nip46Request", "body")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for Nip46RequestRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("Nip46RequestRef");
        f.field("request_id", &self.request_id());f.field("body", &self.body());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<Nip46RequestRef<'a>> for Nip46Request {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: Nip46RequestRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            request_id: ::core::convert::TryInto::try_into(value.request_id()?)?,body: ::core::convert::TryInto::try_into(value.body()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for Nip46RequestRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for Nip46RequestRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[Nip46RequestRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Nip46Request>> for Nip46Request {
    type Value = ::planus::Offset<Nip46Request>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Nip46Request>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for Nip46RequestRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[Nip46RequestRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  What the connections worker sends back to the crypto worker.
/// 
/// Generated from these locations:
/// * Union `Nip46MessageBody` in the file `schemas/nip46.fbs:29`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize)]
pub enum Nip46MessageBody{
    
        ///  Each relay's OK for a `Publish`.
        PublishResult(::planus::alloc::boxed::Box<self::PublishResult>),
    
        ///  A kind-24133 event for a NIP-46 subscription.
        EventReceived(::planus::alloc::boxed::Box<self::EventReceived>),
    
        /// The variant of type `Eose` in the union `Nip46MessageBody`
        Eose(::planus::alloc::boxed::Box<self::Eose>),
    
        /// The variant of type `Closed` in the union `Nip46MessageBody`
        Closed(::planus::alloc::boxed::Box<self::Closed>),
    
        /// The variant of type `ConnectionsError` in the union `Nip46MessageBody`
        ConnectionsError(::planus::alloc::boxed::Box<self::ConnectionsError>),
    
}


impl Nip46MessageBody {
    /// Creates a [Nip46MessageBodyBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> Nip46MessageBodyBuilder<::planus::Uninitialized> {
        Nip46MessageBodyBuilder(::planus::Uninitialized)
    }

    #[inline]
    pub fn create_publish_result(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::PublishResult>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(1, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_event_received(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::EventReceived>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(2, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_eose(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Eose>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(3, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_closed(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::Closed>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(4, value.prepare(builder).downcast())
    }

    #[inline]
    pub fn create_connections_error(
      builder: &mut ::planus::Builder,
      value: impl ::planus::WriteAsOffset<self::ConnectionsError>,
    ) -> ::planus::UnionOffset<Self> {
        ::planus::UnionOffset::new(5, value.prepare(builder).downcast())
    }

    
}



impl ::planus::WriteAsUnion<Nip46MessageBody> for Nip46MessageBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Self> {
        match self {
            Self::PublishResult(value) => Self::create_publish_result(builder, value),
            Self::EventReceived(value) => Self::create_event_received(builder, value),
            Self::Eose(value) => Self::create_eose(builder, value),
            Self::Closed(value) => Self::create_closed(builder, value),
            Self::ConnectionsError(value) => Self::create_connections_error(builder, value),
            
        }
    }
}


impl ::planus::WriteAsOptionalUnion<Nip46MessageBody> for Nip46MessageBody {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Self>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}

/// Builder for serializing an instance of the [Nip46MessageBody] type.
///
/// Can be created using the [Nip46MessageBody::builder] method.
#[derive(Debug)]
#[must_use]
pub struct Nip46MessageBodyBuilder<T>(T);

impl Nip46MessageBodyBuilder<::planus::Uninitialized> {
    /// Creates an instance of the [`PublishResult` variant](Nip46MessageBody#variant.PublishResult).
    #[inline]
    pub fn publish_result<T>(
        self,
        value: T,
    ) -> Nip46MessageBodyBuilder<::planus::Initialized<1, T>>
        where T: ::planus::WriteAsOffset<self::PublishResult> {
        Nip46MessageBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`EventReceived` variant](Nip46MessageBody#variant.EventReceived).
    #[inline]
    pub fn event_received<T>(
        self,
        value: T,
    ) -> Nip46MessageBodyBuilder<::planus::Initialized<2, T>>
        where T: ::planus::WriteAsOffset<self::EventReceived> {
        Nip46MessageBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Eose` variant](Nip46MessageBody#variant.Eose).
    #[inline]
    pub fn eose<T>(
        self,
        value: T,
    ) -> Nip46MessageBodyBuilder<::planus::Initialized<3, T>>
        where T: ::planus::WriteAsOffset<self::Eose> {
        Nip46MessageBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`Closed` variant](Nip46MessageBody#variant.Closed).
    #[inline]
    pub fn closed<T>(
        self,
        value: T,
    ) -> Nip46MessageBodyBuilder<::planus::Initialized<4, T>>
        where T: ::planus::WriteAsOffset<self::Closed> {
        Nip46MessageBodyBuilder(::planus::Initialized(value))
    }

    /// Creates an instance of the [`ConnectionsError` variant](Nip46MessageBody#variant.ConnectionsError).
    #[inline]
    pub fn connections_error<T>(
        self,
        value: T,
    ) -> Nip46MessageBodyBuilder<::planus::Initialized<5, T>>
        where T: ::planus::WriteAsOffset<self::ConnectionsError> {
        Nip46MessageBodyBuilder(::planus::Initialized(value))
    }

    
}

impl<const N: u8, T> Nip46MessageBodyBuilder<::planus::Initialized<N, T>> {
    /// Finish writing the builder to get an [UnionOffset](::planus::UnionOffset) to a serialized [Nip46MessageBody].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Nip46MessageBody>
        where Self: ::planus::WriteAsUnion<Nip46MessageBody>
    {
        ::planus::WriteAsUnion::prepare(&self, builder)
    }
}

impl<T> ::planus::WriteAsUnion<Nip46MessageBody> for Nip46MessageBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::PublishResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Nip46MessageBody> {
        ::planus::UnionOffset::new(1, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Nip46MessageBody> for Nip46MessageBodyBuilder<::planus::Initialized<1, T>>
    where T: ::planus::WriteAsOffset<self::PublishResult>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Nip46MessageBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Nip46MessageBody> for Nip46MessageBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::EventReceived>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Nip46MessageBody> {
        ::planus::UnionOffset::new(2, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Nip46MessageBody> for Nip46MessageBodyBuilder<::planus::Initialized<2, T>>
    where T: ::planus::WriteAsOffset<self::EventReceived>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Nip46MessageBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Nip46MessageBody> for Nip46MessageBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::Eose>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Nip46MessageBody> {
        ::planus::UnionOffset::new(3, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Nip46MessageBody> for Nip46MessageBodyBuilder<::planus::Initialized<3, T>>
    where T: ::planus::WriteAsOffset<self::Eose>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Nip46MessageBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Nip46MessageBody> for Nip46MessageBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::Closed>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Nip46MessageBody> {
        ::planus::UnionOffset::new(4, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Nip46MessageBody> for Nip46MessageBodyBuilder<::planus::Initialized<4, T>>
    where T: ::planus::WriteAsOffset<self::Closed>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Nip46MessageBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}
impl<T> ::planus::WriteAsUnion<Nip46MessageBody> for Nip46MessageBodyBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::ConnectionsError>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::UnionOffset<Nip46MessageBody> {
        ::planus::UnionOffset::new(5, (self.0).0.prepare(builder).downcast())
    }
}

impl<T> ::planus::WriteAsOptionalUnion<Nip46MessageBody> for Nip46MessageBodyBuilder<::planus::Initialized<5, T>>
    where T: ::planus::WriteAsOffset<self::ConnectionsError>
{
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::UnionOffset<Nip46MessageBody>> {
        ::core::option::Option::Some(::planus::WriteAsUnion::prepare(self, builder))
    }
}


/// Reference to a deserialized [Nip46MessageBody].
#[derive(Copy, Clone, Debug)]
pub enum Nip46MessageBodyRef<'a>{
    PublishResult(self::PublishResultRef<'a>),
    EventReceived(self::EventReceivedRef<'a>),
    Eose(self::EoseRef<'a>),
    Closed(self::ClosedRef<'a>),
    ConnectionsError(self::ConnectionsErrorRef<'a>),
    
}


impl<'a> ::core::convert::TryFrom<Nip46MessageBodyRef<'a>> for Nip46MessageBody {
    type Error = ::planus::Error;

    fn try_from(value: Nip46MessageBodyRef<'a>) -> ::planus::Result<Self> {
        ::core::result::Result::Ok(match value {
            
                Nip46MessageBodyRef::PublishResult(value) => Self::PublishResult(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                Nip46MessageBodyRef::EventReceived(value) => Self::EventReceived(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                Nip46MessageBodyRef::Eose(value) => Self::Eose(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                Nip46MessageBodyRef::Closed(value) => Self::Closed(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
                Nip46MessageBodyRef::ConnectionsError(value) => Self::ConnectionsError(::planus::alloc::boxed::Box::new(::core::convert::TryFrom::try_from(value)?)),
                
            
        })
    }
}



impl<'a> ::planus::TableReadUnion<'a> for Nip46MessageBodyRef<'a> {
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, tag: u8, field_offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        match tag {
            1 => ::core::result::Result::Ok(Self::PublishResult(::planus::TableRead::from_buffer(buffer, field_offset)?)),2 => ::core::result::Result::Ok(Self::EventReceived(::planus::TableRead::from_buffer(buffer, field_offset)?)),3 => ::core::result::Result::Ok(Self::Eose(::planus::TableRead::from_buffer(buffer, field_offset)?)),4 => ::core::result::Result::Ok(Self::Closed(::planus::TableRead::from_buffer(buffer, field_offset)?)),5 => ::core::result::Result::Ok(Self::ConnectionsError(::planus::TableRead::from_buffer(buffer, field_offset)?)),_ => ::core::result::Result::Err(::planus::errors::ErrorKind::UnknownUnionTag { tag }),
        }
    }
}



impl<'a> ::planus::VectorReadUnion<'a> for Nip46MessageBodyRef<'a> {
    const VECTOR_NAME: &'static str = "[Nip46MessageBodyRef]";
}


    
///  Root message: connections worker to crypto worker.
/// 
/// Generated from these locations:
/// * Table `Nip46Message` in the file `schemas/nip46.fbs:40`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct Nip46Message{
    
        /// The field `request_id` in the table `Nip46Message`
        pub request_id: u64,
        /// The field `body` in the table `Nip46Message`
        pub body: self::Nip46MessageBody,}



impl Nip46Message {
    /// Creates a [Nip46MessageBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> Nip46MessageBuilder<()> {
        Nip46MessageBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_request_id: impl ::planus::WriteAsDefault<u64, u64>,
        field_body: impl ::planus::WriteAsUnion<self::Nip46MessageBody>,
        
    ) -> ::planus::Offset<Self> {let prepared_request_id = field_request_id.prepare(builder, &0);let prepared_body = field_body.prepare(builder);

        let mut table_writer: ::planus::table_writer::TableWriter::<10> = ::core::default::Default::default();
        if prepared_request_id.is_some() {table_writer.write_entry::<u64>(0);}table_writer.write_entry::<::planus::Offset<self::Nip46MessageBody>>(2);table_writer.write_entry::<u8>(1);

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_request_id) = prepared_request_id {object_writer.write::<_, _, 8>(&prepared_request_id);}object_writer.write::<_, _, 4>(&prepared_body.offset());object_writer.write::<_, _, 1>(&prepared_body.tag());
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<Nip46Message>> for Nip46Message {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Nip46Message> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<Nip46Message>> for Nip46Message {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Nip46Message>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<Nip46Message> for Nip46Message {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Nip46Message> {
        Nip46Message::create(
            builder,
        
            
            self.request_id,
            
        
            
            &self.body,
            
        
        )
    }
}

/// Builder for serializing an instance of the [Nip46Message] type.
///
/// Can be created using the [Nip46Message::builder] method.
#[derive(Debug)]
#[must_use]
pub struct Nip46MessageBuilder<State>(State);

impl<
    
> Nip46MessageBuilder
<
    (
    
    )
>
{
    /// Setter for the [`request_id` field](Nip46Message#structfield.request_id).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id<T0>(self, value: T0) -> Nip46MessageBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAsDefault<u64, u64>
    {
        Nip46MessageBuilder((
            
            value,
        ))
    }

    
    /// Sets the [`request_id` field](Nip46Message#structfield.request_id) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn request_id_as_default(self) -> Nip46MessageBuilder<(
        
        ::planus::DefaultValue,
    )>
    {
        self.request_id(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
> Nip46MessageBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`body` field](Nip46Message#structfield.body).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn body<T1>(self, value: T1) -> Nip46MessageBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsUnion<self::Nip46MessageBody>
    {
        
        let (
            
                v0,
            
        ) = self.0;Nip46MessageBuilder((
            
                v0,
            
            value,
        ))
    }

    

    
}



impl<
    
        T0,
    
        T1,
    
> Nip46MessageBuilder<(
    
        T0,
    
        T1,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [Nip46Message].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<Nip46Message>
        where Self: ::planus::WriteAsOffset<Nip46Message>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::Nip46MessageBody>,
    
> ::planus::WriteAs<::planus::Offset<Nip46Message>> for Nip46MessageBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Nip46Message>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Nip46Message> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::Nip46MessageBody>,
    
> ::planus::WriteAsOptional<::planus::Offset<Nip46Message>> for Nip46MessageBuilder<(
    
        T0,
    
        T1,
    
)> {
    type Prepared = ::planus::Offset<Nip46Message>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<Nip46Message>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAsDefault<u64, u64>,
    
        T1: ::planus::WriteAsUnion<self::Nip46MessageBody>,
    
> ::planus::WriteAsOffset<Nip46Message> for Nip46MessageBuilder<(
    
        T0,
    
        T1,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<Nip46Message> {
        
        let (
            
                v0,
            
                v1,
            
        ) = &self.0;Nip46Message::create(
            builder,
            
                v0,
            
                v1,
            
        )
    }
}

/// Reference to a deserialized [Nip46Message].
#[derive(Copy, Clone)]
pub struct Nip46MessageRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> Nip46MessageRef<'a> {
    
        /// Getter for the [`request_id` field](Nip46Message#structfield.request_id).
        #[inline]
        pub fn request_id(&self) -> ::planus::Result<u64> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(0, "Nip46Message", "request_id")
              
            
            ?.unwrap_or(0))
            
        }
    
        /// Getter for the [`body` field](Nip46Message#structfield.body).
        #[inline]
        pub fn body(&self) -> ::planus::Result<self::Nip46MessageBodyRef<'a>> {
            
            
              
              self.0.access_union_required(1, "Nip46Message", "body")
              
            
            
            
        }
    
}

impl<'a> ::core::fmt::Debug for Nip46MessageRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("Nip46MessageRef");
        f.field("request_id", &self.request_id());f.field("body", &self.body());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<Nip46MessageRef<'a>> for Nip46Message {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: Nip46MessageRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            request_id: ::core::convert::TryInto::try_into(value.request_id()?)?,body: ::core::convert::TryInto::try_into(value.body()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for Nip46MessageRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for Nip46MessageRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[Nip46MessageRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<Nip46Message>> for Nip46Message {
    type Value = ::planus::Offset<Nip46Message>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<Nip46Message>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for Nip46MessageRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[Nip46MessageRef]",
            "read_as_root",
            0,
        ))
    }
}

    
///  Where a relay connection stands.
/// 
/// Generated from these locations:
/// * Enum `RelayState` in the file `schemas/status.fbs:8`
#[derive(Copy, Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]#[repr(u8)]pub enum RelayState {
    
        /// The variant `Connecting` in the enum `RelayState`
        Connecting = 0,
    
        /// The variant `Connected` in the enum `RelayState`
        Connected = 1,
    
        ///  The connection ended; `reason` says why.
        Disconnected = 2,
    
        ///  Waiting until `retry_at_ms` before the next attempt.
        BackingOff = 3,
    
        ///  Given up (bad URL, refused permanently, too many attempts).
        Failed = 4,
    
}

impl RelayState {
    /// Array containing all valid variants of RelayState
    pub const ENUM_VALUES: [Self; 5] = [Self::Connecting,Self::Connected,Self::Disconnected,Self::BackingOff,Self::Failed,];
}

impl ::core::convert::TryFrom<u8> for RelayState {
    type Error = ::planus::errors::UnknownEnumTagKind;
    #[inline]
    fn try_from(value: u8) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTagKind> {
        #[allow(clippy::match_single_binding)]
        match value {
            0 => ::core::result::Result::Ok(RelayState::Connecting),
            1 => ::core::result::Result::Ok(RelayState::Connected),
            2 => ::core::result::Result::Ok(RelayState::Disconnected),
            3 => ::core::result::Result::Ok(RelayState::BackingOff),
            4 => ::core::result::Result::Ok(RelayState::Failed),
            

            _ => ::core::result::Result::Err(::planus::errors::UnknownEnumTagKind { tag: value as i128 }),
        }
    }
}

impl ::core::convert::From<RelayState> for u8 {
    #[inline]
    fn from(value: RelayState) -> Self {
        value as u8
    }
}

/// # Safety
/// The Planus compiler correctly calculates `ALIGNMENT` and `SIZE`.
unsafe impl ::planus::Primitive for RelayState {
    const ALIGNMENT: usize = 1;
    const SIZE: usize = 1;
}

impl ::planus::WriteAsPrimitive<RelayState> for RelayState {
    #[inline]
    fn write<const N: usize>(&self, cursor: ::planus::Cursor<'_, N>, buffer_position: u32) {
        (*self as u8).write(cursor, buffer_position);
    }
}

impl ::planus::WriteAs<RelayState> for RelayState {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> RelayState {
        *self
    }
}

impl ::planus::WriteAsDefault<RelayState, RelayState> for RelayState {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder, default: &RelayState) -> ::core::option::Option<RelayState> {
        if self == default {
            ::core::option::Option::None
        } else {
            ::core::option::Option::Some(*self)
        }
    }
}

impl ::planus::WriteAsOptional<RelayState> for RelayState {
    type Prepared = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> ::core::option::Option<RelayState> {
        ::core::option::Option::Some(*self)
    }
}

impl<'buf> ::planus::TableRead<'buf> for RelayState {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'buf>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        let n: u8 = ::planus::TableRead::from_buffer(buffer, offset)?;
        ::core::result::Result::Ok(::core::convert::TryInto::try_into(n)?)
    }
}

impl<'buf> ::planus::VectorReadInner<'buf> for RelayState {
    type Error = ::planus::errors::UnknownEnumTag;
    const STRIDE: usize = 1;
    #[inline]
    unsafe fn from_buffer(
        buffer: ::planus::SliceWithStartOffset<'buf>,
        offset: usize,
    ) -> ::core::result::Result<Self, ::planus::errors::UnknownEnumTag> {let value = unsafe { *buffer.buffer.get_unchecked(offset) };let value: ::core::result::Result<Self, _> = ::core::convert::TryInto::try_into(value);
        value.map_err(|error_kind| error_kind.with_error_location(
            "RelayState",
            "VectorRead::from_buffer",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<RelayState> for RelayState {
    const STRIDE: usize = 1;

    type Value = Self;

    #[inline]
    fn prepare(&self, _builder: &mut ::planus::Builder) -> Self {
        *self
    }

    #[inline]
    unsafe fn write_values(
        values: &[Self],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 1];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                
                buffer_position - i as u32,
                
            );
        }
    }
}

    
///  Root message: one relay's state changed.
/// 
/// Generated from these locations:
/// * Table `RelayStatus` in the file `schemas/status.fbs:20`
#[derive(Clone, Debug, PartialEq, PartialOrd,
Eq, Ord, Hash,
::serde::Serialize, ::serde::Deserialize
)]
pub struct RelayStatus{
    
        /// The field `relay_url` in the table `RelayStatus`
        pub relay_url: ::planus::alloc::string::String,
        /// The field `state` in the table `RelayStatus`
        pub state: self::RelayState,
        ///  Close reason, error or refusal text.
        pub reason: ::core::option::Option<::planus::alloc::string::String>,
        ///  Next attempt, in milliseconds since the Unix epoch (for `BackingOff`).
        pub retry_at_ms: ::core::option::Option<u64>,
        ///  Consecutive failed attempts so far.
        pub attempt: u32,}


#[allow(clippy::derivable_impls)]
impl ::core::default::Default for RelayStatus {
    fn default() -> Self {
        Self {
        relay_url: ::core::default::Default::default(),
        state: self::RelayState::Connecting,
        reason: ::core::default::Default::default(),
        retry_at_ms: ::core::default::Default::default(),
        attempt: 0,
        
        }
    }
}


impl RelayStatus {
    /// Creates a [RelayStatusBuilder] for serializing an instance of this table.
    #[inline]
    pub fn builder() -> RelayStatusBuilder<()> {
        RelayStatusBuilder(())
    }

    #[allow(clippy::too_many_arguments)]
    pub fn create(
        builder: &mut ::planus::Builder,
        field_relay_url: impl ::planus::WriteAs<::planus::Offset<str>>,
        field_state: impl ::planus::WriteAsDefault<self::RelayState, self::RelayState>,
        field_reason: impl ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
        field_retry_at_ms: impl ::planus::WriteAsOptional<u64>,
        field_attempt: impl ::planus::WriteAsDefault<u32, u32>,
        
    ) -> ::planus::Offset<Self> {let prepared_relay_url = field_relay_url.prepare(builder);let prepared_state = field_state.prepare(builder, &self::RelayState::Connecting);let prepared_reason = field_reason.prepare(builder);let prepared_retry_at_ms = field_retry_at_ms.prepare(builder);let prepared_attempt = field_attempt.prepare(builder, &0);

        let mut table_writer: ::planus::table_writer::TableWriter::<14> = ::core::default::Default::default();
        if prepared_retry_at_ms.is_some() {table_writer.write_entry::<u64>(3);}table_writer.write_entry::<::planus::Offset<str>>(0);if prepared_reason.is_some() {table_writer.write_entry::<::planus::Offset<str>>(2);}if prepared_attempt.is_some() {table_writer.write_entry::<u32>(4);}if prepared_state.is_some() {table_writer.write_entry::<self::RelayState>(1);}

        unsafe {
            table_writer.finish(builder, |object_writer| {if let ::core::option::Option::Some(prepared_retry_at_ms) = prepared_retry_at_ms {object_writer.write::<_, _, 8>(&prepared_retry_at_ms);}object_writer.write::<_, _, 4>(&prepared_relay_url);if let ::core::option::Option::Some(prepared_reason) = prepared_reason {object_writer.write::<_, _, 4>(&prepared_reason);}if let ::core::option::Option::Some(prepared_attempt) = prepared_attempt {object_writer.write::<_, _, 4>(&prepared_attempt);}if let ::core::option::Option::Some(prepared_state) = prepared_state {object_writer.write::<_, _, 1>(&prepared_state);}
                
            });
        }builder.current_offset()
    }
}

impl ::planus::WriteAs<::planus::Offset<RelayStatus>> for RelayStatus {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<RelayStatus> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl ::planus::WriteAsOptional<::planus::Offset<RelayStatus>> for RelayStatus {
    type Prepared = ::planus::Offset<Self>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<RelayStatus>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl ::planus::WriteAsOffset<RelayStatus> for RelayStatus {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<RelayStatus> {
        RelayStatus::create(
            builder,
        
            
            &self.relay_url,
            
        
            
            self.state,
            
        
            
            &self.reason,
            
        
            
            self.retry_at_ms,
            
        
            
            self.attempt,
            
        
        )
    }
}

/// Builder for serializing an instance of the [RelayStatus] type.
///
/// Can be created using the [RelayStatus::builder] method.
#[derive(Debug)]
#[must_use]
pub struct RelayStatusBuilder<State>(State);

impl<
    
> RelayStatusBuilder
<
    (
    
    )
>
{
    /// Setter for the [`relay_url` field](RelayStatus#structfield.relay_url).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn relay_url<T0>(self, value: T0) -> RelayStatusBuilder<(
    
        T0,
    
    )>
    where T0: ::planus::WriteAs<::planus::Offset<str>>
    {
        RelayStatusBuilder((
            
            value,
        ))
    }

    

    
}

impl<
    
        T0,
    
> RelayStatusBuilder
<
    (
    
        T0,
    
    )
>
{
    /// Setter for the [`state` field](RelayStatus#structfield.state).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn state<T1>(self, value: T1) -> RelayStatusBuilder<(
    
        T0,
    
        T1,
    
    )>
    where T1: ::planus::WriteAsDefault<self::RelayState, self::RelayState>
    {
        
        let (
            
                v0,
            
        ) = self.0;RelayStatusBuilder((
            
                v0,
            
            value,
        ))
    }

    
    /// Sets the [`state` field](RelayStatus#structfield.state) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn state_as_default(self) -> RelayStatusBuilder<(
        
            T0,
        
        ::planus::DefaultValue,
    )>
    {
        self.state(::planus::DefaultValue)
    }
    

    
}

impl<
    
        T0,
    
        T1,
    
> RelayStatusBuilder
<
    (
    
        T0,
    
        T1,
    
    )
>
{
    /// Setter for the [`reason` field](RelayStatus#structfield.reason).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn reason<T2>(self, value: T2) -> RelayStatusBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
    )>
    where T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>
    {
        
        let (
            
                v0,
            
                v1,
            
        ) = self.0;RelayStatusBuilder((
            
                v0,
            
                v1,
            
            value,
        ))
    }

    

    
    /// Sets the [`reason` field](RelayStatus#structfield.reason) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn reason_as_null(self) -> RelayStatusBuilder<(
        
            T0,
        
            T1,
        
        (),
    )>
    {
        self.reason(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
> RelayStatusBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
    )
>
{
    /// Setter for the [`retry_at_ms` field](RelayStatus#structfield.retry_at_ms).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn retry_at_ms<T3>(self, value: T3) -> RelayStatusBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )>
    where T3: ::planus::WriteAsOptional<u64>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
        ) = self.0;RelayStatusBuilder((
            
                v0,
            
                v1,
            
                v2,
            
            value,
        ))
    }

    

    
    /// Sets the [`retry_at_ms` field](RelayStatus#structfield.retry_at_ms) to null.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn retry_at_ms_as_null(self) -> RelayStatusBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
        (),
    )>
    {
        self.retry_at_ms(())
    }
    
}

impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
> RelayStatusBuilder
<
    (
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
    )
>
{
    /// Setter for the [`attempt` field](RelayStatus#structfield.attempt).
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn attempt<T4>(self, value: T4) -> RelayStatusBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
    )>
    where T4: ::planus::WriteAsDefault<u32, u32>
    {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
        ) = self.0;RelayStatusBuilder((
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
            value,
        ))
    }

    
    /// Sets the [`attempt` field](RelayStatus#structfield.attempt) to the default value.
    #[inline]
    #[allow(clippy::type_complexity)]
    pub fn attempt_as_default(self) -> RelayStatusBuilder<(
        
            T0,
        
            T1,
        
            T2,
        
            T3,
        
        ::planus::DefaultValue,
    )>
    {
        self.attempt(::planus::DefaultValue)
    }
    

    
}



impl<
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
> RelayStatusBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    /// Finish writing the builder to get an [Offset](::planus::Offset) to a serialized [RelayStatus].
    #[inline]
    pub fn finish(self, builder: &mut ::planus::Builder) -> ::planus::Offset<RelayStatus>
        where Self: ::planus::WriteAsOffset<RelayStatus>
    {
        ::planus::WriteAsOffset::prepare(&self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<self::RelayState, self::RelayState>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T3: ::planus::WriteAsOptional<u64>,
    
        T4: ::planus::WriteAsDefault<u32, u32>,
    
> ::planus::WriteAs<::planus::Offset<RelayStatus>> for RelayStatusBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<RelayStatus>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<RelayStatus> {
        ::planus::WriteAsOffset::prepare(self, builder)
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<self::RelayState, self::RelayState>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T3: ::planus::WriteAsOptional<u64>,
    
        T4: ::planus::WriteAsDefault<u32, u32>,
    
> ::planus::WriteAsOptional<::planus::Offset<RelayStatus>> for RelayStatusBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    type Prepared = ::planus::Offset<RelayStatus>;

    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::core::option::Option<::planus::Offset<RelayStatus>> {
        ::core::option::Option::Some(::planus::WriteAsOffset::prepare(self, builder))
    }
}

impl<
    
        T0: ::planus::WriteAs<::planus::Offset<str>>,
    
        T1: ::planus::WriteAsDefault<self::RelayState, self::RelayState>,
    
        T2: ::planus::WriteAsOptional<::planus::Offset<::core::primitive::str>>,
    
        T3: ::planus::WriteAsOptional<u64>,
    
        T4: ::planus::WriteAsDefault<u32, u32>,
    
> ::planus::WriteAsOffset<RelayStatus> for RelayStatusBuilder<(
    
        T0,
    
        T1,
    
        T2,
    
        T3,
    
        T4,
    
)> {
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> ::planus::Offset<RelayStatus> {
        
        let (
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        ) = &self.0;RelayStatus::create(
            builder,
            
                v0,
            
                v1,
            
                v2,
            
                v3,
            
                v4,
            
        )
    }
}

/// Reference to a deserialized [RelayStatus].
#[derive(Copy, Clone)]
pub struct RelayStatusRef<'a>(
    #[allow(dead_code)]
    ::planus::table_reader::Table<'a>
);

impl<'a> RelayStatusRef<'a> {
    
        /// Getter for the [`relay_url` field](RelayStatus#structfield.relay_url).
        #[inline]
        pub fn relay_url(&self) -> ::planus::Result<&'a ::core::primitive::str> {
            
            
              
              self.0.access_required(0, "RelayStatus", "relay_url")
              
            
            
            
        }
    
        /// Getter for the [`state` field](RelayStatus#structfield.state).
        #[inline]
        pub fn state(&self) -> ::planus::Result<self::RelayState> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(1, "RelayStatus", "state")
              
            
            ?.unwrap_or(self::RelayState::Connecting))
            
        }
    
        /// Getter for the [`reason` field](RelayStatus#structfield.reason).
        #[inline]
        pub fn reason(&self) -> ::planus::Result<::core::option::Option<&'a ::core::primitive::str>> {
            
            
              
              self.0.access(2, "RelayStatus", "reason")
              
            
            
            
        }
    
        /// Getter for the [`retry_at_ms` field](RelayStatus#structfield.retry_at_ms).
        #[inline]
        pub fn retry_at_ms(&self) -> ::planus::Result<::core::option::Option<u64>> {
            
            
              
              self.0.access(3, "RelayStatus", "retry_at_ms")
              
            
            
            
        }
    
        /// Getter for the [`attempt` field](RelayStatus#structfield.attempt).
        #[inline]
        pub fn attempt(&self) -> ::planus::Result<u32> {
             ::core::result::Result::Ok( 
            
              
              self.0.access(4, "RelayStatus", "attempt")
              
            
            ?.unwrap_or(0))
            
        }
    
}

impl<'a> ::core::fmt::Debug for RelayStatusRef<'a> {
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        let mut f = f.debug_struct("RelayStatusRef");
        f.field("relay_url", &self.relay_url());f.field("state", &self.state());if let ::core::option::Option::Some(field_reason) = self.reason().transpose() {
                f.field("reason", &field_reason);
            }if let ::core::option::Option::Some(field_retry_at_ms) = self.retry_at_ms().transpose() {
                f.field("retry_at_ms", &field_retry_at_ms);
            }f.field("attempt", &self.attempt());
        f.finish()
    }
}

impl<'a> ::core::convert::TryFrom<RelayStatusRef<'a>> for RelayStatus {
    type Error = ::planus::Error;


    #[allow(unreachable_code)]
    fn try_from(value: RelayStatusRef<'a>) -> ::planus::Result<Self> {

        ::core::result::Result::Ok(Self {
            relay_url: ::core::convert::Into::into(value.relay_url()?),state: ::core::convert::TryInto::try_into(value.state()?)?,reason: 
                                value.reason()?.map(::core::convert::Into::into)
                            ,retry_at_ms: 
                    if let ::core::option::Option::Some(retry_at_ms) = value.retry_at_ms()? {
                        ::core::option::Option::Some(::core::convert::TryInto::try_into(retry_at_ms)?)
                    } else {
                        ::core::option::Option::None
                    }
                ,attempt: ::core::convert::TryInto::try_into(value.attempt()?)?,
        })
    }
}

impl<'a> ::planus::TableRead<'a> for RelayStatusRef<'a> {
    #[inline]
    fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::core::result::Result<Self, ::planus::errors::ErrorKind> {
        ::core::result::Result::Ok(Self(::planus::table_reader::Table::from_buffer(buffer, offset)?))
    }
}

impl<'a> ::planus::VectorReadInner<'a> for RelayStatusRef<'a> {
    type Error = ::planus::Error;
    const STRIDE: usize = 4;

    unsafe fn from_buffer(buffer: ::planus::SliceWithStartOffset<'a>, offset: usize) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(buffer, offset).map_err(|error_kind| error_kind.with_error_location(
            "[RelayStatusRef]",
            "get",
            buffer.offset_from_start,
        ))
    }
}

/// # Safety
/// The planus compiler generates implementations that initialize
/// the bytes in `write_values`.
unsafe impl ::planus::VectorWrite<::planus::Offset<RelayStatus>> for RelayStatus {
    type Value = ::planus::Offset<RelayStatus>;
    const STRIDE: usize = 4;
    #[inline]
    fn prepare(&self, builder: &mut ::planus::Builder) -> Self::Value {
        ::planus::WriteAs::prepare(self, builder)
    }

    #[inline]
    unsafe fn write_values(
        values: &[::planus::Offset<RelayStatus>],
        bytes: *mut ::core::mem::MaybeUninit<u8>,
        buffer_position: u32,
    ) {
        let bytes = bytes as *mut [::core::mem::MaybeUninit<u8>; 4];
        for (i, v) in ::core::iter::Iterator::enumerate(values.iter()) {
            ::planus::WriteAsPrimitive::write(
                v,
                ::planus::Cursor::new(unsafe { &mut *bytes.add(i) }),
                buffer_position - (Self::STRIDE * i) as u32,
            );
        }
    }
}

impl<'a> ::planus::ReadAsRoot<'a> for RelayStatusRef<'a> {
    fn read_as_root(slice: &'a [u8]) -> ::planus::Result<Self> {
        ::planus::TableRead::from_buffer(::planus::SliceWithStartOffset {
            buffer: slice,
            offset_from_start: 0,
        }, 0).map_err(|error_kind| error_kind.with_error_location(
            "[RelayStatusRef]",
            "read_as_root",
            0,
        ))
    }
}

    }}